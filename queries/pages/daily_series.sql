-- Trends and Today: daily sums for the selected accounts (ratios are recomputed from these sums),
-- spend per channel, and the margin-weighted sums behind the combined break-even line (GMV × margin
-- after refunds = GMV / break-even ROI of account_settings, the rule of liveroi.economics).
-- Grain: one row per day with data in [$start, $end].
-- Parameters: $accounts (VARCHAR[], empty = every account), $start (DATE), $end (DATE).
SELECT
    d.day,
    sum(d.sessions)             AS sessions,
    sum(d.total_spend)          AS total_spend,
    sum(d.gmv)                  AS gmv,
    sum(d.refunds)              AS refunds,
    sum(d.new_followers)        AS new_followers,
    sum(d.viewers)              AS viewers,
    sum(d.buyers)               AS buyers,
    sum(d.views)                AS views,
    sum(d.spend_xiaodiantong)   AS spend_xiaodiantong,
    sum(d.spend_jinniu)         AS spend_jinniu,
    sum(d.spend_fentiao)        AS spend_fentiao,
    sum(d.spend_works_promo)    AS spend_works_promo,
    sum(d.spend_live_promo)     AS spend_live_promo,
    sum(d.spend_qianchuan)      AS spend_qianchuan,
    sum(d.spend_douplus)        AS spend_douplus,
    sum(d.spend_other)          AS spend_other,
    sum(d.unattributed_spend)   AS unattributed_spend,
    sum(d.gmv / s.breakeven_roi)                                 AS margin_gmv,
    sum(d.gmv - coalesce(d.refunds, 0))                          AS net_gmv,
    sum((d.gmv - coalesce(d.refunds, 0)) / s.breakeven_net_roi)  AS margin_net_gmv,
    sum(d.total_spend * s.target_roi)                            AS target_spend,
    sum(d.total_spend) FILTER (WHERE s.target_roi IS NOT NULL)   AS spend_with_target,
    avg(s.breakeven_roi)        AS breakeven_roi_mean,
    avg(s.breakeven_net_roi)    AS breakeven_net_roi_mean,
    avg(s.target_roi)           AS target_roi_mean
FROM daily_metrics AS d
LEFT JOIN account_settings AS s USING (account)
WHERE d.day BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
  AND (len(CAST($accounts AS VARCHAR[])) = 0 OR list_contains(CAST($accounts AS VARCHAR[]), d.account))
GROUP BY d.day
ORDER BY d.day;
