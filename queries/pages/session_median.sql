-- Sessions page: the account's median session over [$start, $end], to compare one session with.
-- Grain: one row. Parameters: $account, $start, $end (DATE).
SELECT
    count(*)                  AS sessions,
    median(duration_min)      AS duration_min,
    median(total_spend)       AS total_spend,
    median(gmv)               AS gmv,
    median(roi)               AS roi,
    median(net_roi)           AS net_roi,
    median(new_followers)     AS new_followers,
    median(cost_per_follower) AS cost_per_follower,
    median(impressions)       AS impressions,
    median(viewers)           AS viewers,
    median(product_clicks)    AS product_clicks,
    median(buyers)            AS buyers,
    median(conversion_rate)   AS conversion_rate,
    median(aov)               AS aov,
    median(gpm)               AS gpm
FROM session_metrics
WHERE account = $account
  AND day BETWEEN CAST($start AS DATE) AND CAST($end AS DATE);
