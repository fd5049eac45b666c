-- The advisor's histories of several accounts in one pass: one row per session, by account and then
-- oldest first, with the promo-day flag. session_row (DuckDB's rowid, fixed within one snapshot) is
-- what advisor_channel_spend.sql returns instead of the session id: read both in one transaction.
-- Parameters: $accounts (VARCHAR[]; NULL = every account). Grain: one row per session of $accounts.
WITH global_promo AS (
    SELECT DISTINCT day
    FROM promo_days
    WHERE account IS NULL
),
account_promo AS (
    SELECT DISTINCT account, day
    FROM promo_days
    WHERE account IS NOT NULL
)
SELECT
    s.account,
    s.rowid AS session_row,
    s.session_id,
    s.started_at,
    -- derived as session_metrics does; that view also sums every session's spend, not needed here
    coalesce(s.duration_min, date_diff('second', s.started_at, s.ended_at) / 60.0) AS duration_min,
    s.gmv,
    s.refunds,
    s.new_followers,
    s.buyers,
    s.followers_total,
    s.followers_lost,
    s.fans_gmv,
    (g.day IS NOT NULL OR a.day IS NOT NULL) AS promo
FROM sessions AS s
LEFT JOIN global_promo AS g ON g.day = CAST(s.started_at AS DATE)
LEFT JOIN account_promo AS a ON a.account = s.account AND a.day = CAST(s.started_at AS DATE)
WHERE $accounts IS NULL OR s.account = ANY($accounts)
ORDER BY s.account, s.started_at, s.session_id;
