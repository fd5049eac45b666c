-- The accounts of the matrix for the sidebar and the Settings page, with the span of their broadcasts.
-- Grain: one row per account (accounts table ∪ accounts with sessions), most sessions first.
-- No parameters.
WITH known AS (
    SELECT account FROM accounts
    UNION
    SELECT DISTINCT account FROM sessions
)
SELECT
    k.account,
    min(CAST(s.started_at AS DATE)) AS first_day,
    max(CAST(s.started_at AS DATE)) AS last_day,
    count(s.session_id)             AS sessions
FROM known AS k
LEFT JOIN sessions AS s USING (account)
GROUP BY k.account
ORDER BY sessions DESC, k.account;
