-- Sessions page: the filtered, sorted sessions, one page at a time (also the download, with a large
-- $limit). total_rows counts every session that passes the filters.
-- Grain: one row per session. Parameters: $accounts (VARCHAR[], empty = every account), $start, $end
-- (DATE), $shifts (VARCHAR[], empty = every shift), $below_breakeven (BOOLEAN: only sessions whose ROI
-- is under the account's break-even), $search (VARCHAR, '' = none; matched in session id and account),
-- $sort (one of the names in the ORDER BY below; anything else sorts by start time), $descending
-- (BOOLEAN), $limit, $offset.
WITH filtered AS (
    SELECT
        m.*,
        s.breakeven_roi,
        s.breakeven_net_roi,
        s.target_roi
    FROM session_metrics AS m
    LEFT JOIN account_settings AS s USING (account)
    WHERE m.day BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
      AND (len(CAST($accounts AS VARCHAR[])) = 0 OR list_contains(CAST($accounts AS VARCHAR[]), m.account))
      AND (len(CAST($shifts AS VARCHAR[])) = 0 OR list_contains(CAST($shifts AS VARCHAR[]), m.shift))
      AND (NOT $below_breakeven OR m.roi < s.breakeven_roi)
      AND ($search = ''
           OR contains(lower(m.session_id), lower($search))
           OR contains(lower(m.account), lower($search)))
)
SELECT
    session_id, account, day, started_at, ended_at, shift, duration_min,
    total_spend, gmv, refunds, ad_gmv, roi, net_roi, ad_roi,
    new_followers, cost_per_follower, follow_rate,
    impressions, viewers, views, peak_online, avg_watch_s,
    product_impressions, product_clicks, orders, buyers,
    conversion_rate, aov, uv_value, gpm,
    spend_xiaodiantong, spend_jinniu, spend_fentiao, spend_works_promo, spend_live_promo,
    spend_qianchuan, spend_douplus, spend_other,
    breakeven_roi, breakeven_net_roi, target_roi,
    count(*) OVER () AS total_rows
FROM filtered
ORDER BY
    CASE WHEN $descending THEN -1 ELSE 1 END * CASE $sort
        WHEN 'total_spend'       THEN total_spend
        WHEN 'gmv'               THEN gmv
        WHEN 'roi'               THEN roi
        WHEN 'net_roi'           THEN net_roi
        WHEN 'new_followers'     THEN new_followers
        WHEN 'cost_per_follower' THEN cost_per_follower
        WHEN 'conversion_rate'   THEN conversion_rate
        WHEN 'gpm'               THEN gpm
        WHEN 'duration_min'      THEN duration_min
        ELSE epoch(started_at)
    END NULLS LAST,
    session_id
LIMIT $limit OFFSET $offset;
