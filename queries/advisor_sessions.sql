-- The advisor's history of one account: one row per session, oldest first, with the promo-day flag.
-- Parameters: $account. Grain: one row per session of $account.
WITH promo AS (
    SELECT DISTINCT day
    FROM promo_days
    WHERE account IS NULL OR account = $account
)
SELECT
    m.session_id,
    m.started_at,
    m.duration_min,
    m.gmv,
    m.refunds,
    m.new_followers,
    m.buyers,
    (p.day IS NOT NULL) AS promo
FROM session_metrics AS m
LEFT JOIN promo AS p ON p.day = m.day
WHERE m.account = $account
ORDER BY m.started_at, m.session_id;
