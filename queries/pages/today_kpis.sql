-- Today page: sums of one day and of the 7 days before it for the selected accounts, with the
-- margin-weighted sums that give the exact combined break-even (liveroi.dashboard_data): GMV × margin
-- after refunds is GMV / break-even ROI, the rule account_settings holds (liveroi.economics).
-- Grain: up to two rows, period = 'day' | 'previous_7'.
-- Parameters: $accounts (VARCHAR[], empty = every account), $day (DATE).
WITH picked AS (
    SELECT
        d.*,
        s.target_roi,
        s.breakeven_roi,
        s.breakeven_net_roi
    FROM daily_metrics AS d
    LEFT JOIN account_settings AS s USING (account)
    WHERE d.day BETWEEN CAST($day AS DATE) - 7 AND CAST($day AS DATE)
      AND (len(CAST($accounts AS VARCHAR[])) = 0 OR list_contains(CAST($accounts AS VARCHAR[]), d.account))
)
SELECT
    CASE WHEN day = CAST($day AS DATE) THEN 'day' ELSE 'previous_7' END AS period,
    count(DISTINCT day)                                  AS active_days,
    sum(sessions)                                        AS sessions,
    sum(total_spend)                                     AS total_spend,
    sum(gmv)                                             AS gmv,
    sum(refunds)                                         AS refunds,
    sum(new_followers)                                   AS new_followers,
    sum(viewers)                                         AS viewers,
    sum(buyers)                                          AS buyers,
    sum(views)                                           AS views,
    sum(gmv / breakeven_roi)                             AS margin_gmv,
    sum(gmv - coalesce(refunds, 0))                      AS net_gmv,
    sum((gmv - coalesce(refunds, 0)) / breakeven_net_roi) AS margin_net_gmv,
    sum(total_spend * target_roi)                        AS target_spend,
    sum(total_spend) FILTER (WHERE target_roi IS NOT NULL) AS spend_with_target,
    avg(breakeven_roi)                                   AS breakeven_roi_mean,
    avg(breakeven_net_roi)                               AS breakeven_net_roi_mean,
    avg(target_roi)                                      AS target_roi_mean
FROM picked
GROUP BY ALL
ORDER BY period;
