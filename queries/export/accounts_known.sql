-- Which of the requested accounts exist (in accounts or sessions), to refuse a mistyped name.
-- Grain: one row per known account among $accounts. Parameters: $accounts VARCHAR[].
SELECT account
FROM (SELECT account FROM accounts UNION SELECT DISTINCT account FROM sessions)
WHERE list_contains(CAST($accounts AS VARCHAR[]), account)
ORDER BY account
