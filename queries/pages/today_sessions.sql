-- Today page: the sessions of one day for the selected accounts, one card each (largest GMV first).
-- Grain: one row per session, at most $limit rows; sessions_that_day counts them all.
-- Parameters: $accounts (VARCHAR[], empty = every account), $day (DATE), $limit.
SELECT
    m.session_id,
    m.account,
    m.shift,
    m.started_at,
    m.ended_at,
    m.duration_min,
    m.total_spend,
    m.spend_xiaodiantong,
    m.spend_jinniu,
    m.spend_fentiao,
    m.spend_works_promo,
    m.spend_live_promo,
    m.spend_qianchuan,
    m.spend_douplus,
    m.spend_other,
    m.gmv,
    m.roi,
    m.net_roi,
    m.new_followers,
    m.cost_per_follower,
    s.breakeven_roi,
    s.breakeven_net_roi,
    s.target_roi,
    count(*) OVER () AS sessions_that_day
FROM session_metrics AS m
LEFT JOIN account_settings AS s USING (account)
WHERE m.day = CAST($day AS DATE)
  AND (len(CAST($accounts AS VARCHAR[])) = 0 OR list_contains(CAST($accounts AS VARCHAR[]), m.account))
ORDER BY m.gmv DESC NULLS LAST, m.started_at, m.session_id
LIMIT $limit;
