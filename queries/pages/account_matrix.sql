-- Account matrix: each selected account over [$start, $end] and over the period of the same length
-- before it ([$prev_start, $prev_end]), with its thresholds; largest GMV first, at most $limit rows.
-- Grain: one row per account with data in either period; total_rows counts them all.
-- Parameters: $accounts (VARCHAR[], empty = every account), $start, $end, $prev_start, $prev_end
-- (DATE), $limit.
WITH sums AS (
    SELECT
        account,
        sum(sessions)      FILTER (WHERE day >= CAST($start AS DATE)) AS sessions,
        sum(total_spend)   FILTER (WHERE day >= CAST($start AS DATE)) AS total_spend,
        sum(gmv)           FILTER (WHERE day >= CAST($start AS DATE)) AS gmv,
        sum(refunds)       FILTER (WHERE day >= CAST($start AS DATE)) AS refunds,
        sum(new_followers) FILTER (WHERE day >= CAST($start AS DATE)) AS new_followers,
        sum(views)         FILTER (WHERE day >= CAST($start AS DATE)) AS views,
        sum(total_spend)   FILTER (WHERE day <= CAST($prev_end AS DATE)) AS prev_total_spend,
        sum(gmv)           FILTER (WHERE day <= CAST($prev_end AS DATE)) AS prev_gmv,
        sum(refunds)       FILTER (WHERE day <= CAST($prev_end AS DATE)) AS prev_refunds,
        sum(new_followers) FILTER (WHERE day <= CAST($prev_end AS DATE)) AS prev_new_followers,
        sum(views)         FILTER (WHERE day <= CAST($prev_end AS DATE)) AS prev_views
    FROM daily_metrics
    WHERE day BETWEEN CAST($prev_start AS DATE) AND CAST($end AS DATE)
      AND (len(CAST($accounts AS VARCHAR[])) = 0 OR list_contains(CAST($accounts AS VARCHAR[]), account))
    GROUP BY account
)
SELECT
    m.account,
    coalesce(m.sessions, 0)                                         AS sessions,
    coalesce(m.total_spend, 0)                                      AS total_spend,
    m.gmv,
    m.gmv / nullif(m.total_spend, 0)                                AS roi,
    (m.gmv - coalesce(m.refunds, 0)) / nullif(m.total_spend, 0)     AS net_roi,
    m.new_followers,
    m.total_spend / nullif(m.new_followers, 0)                      AS cost_per_follower,
    m.gmv / nullif(m.views, 0) * 1000                               AS gpm,
    m.prev_total_spend,
    m.prev_gmv,
    m.prev_gmv / nullif(m.prev_total_spend, 0)                      AS prev_roi,
    (m.prev_gmv - coalesce(m.prev_refunds, 0)) / nullif(m.prev_total_spend, 0) AS prev_net_roi,
    m.prev_new_followers,
    m.prev_total_spend / nullif(m.prev_new_followers, 0)            AS prev_cost_per_follower,
    m.prev_gmv / nullif(m.prev_views, 0) * 1000                     AS prev_gpm,
    s.breakeven_roi,
    s.breakeven_net_roi,
    s.target_roi,
    count(*) OVER ()                                                AS total_rows
FROM sums AS m
LEFT JOIN account_settings AS s USING (account)
ORDER BY m.gmv DESC NULLS LAST, m.account
LIMIT $limit;
