-- Before reloading the sample brand: drop the per-channel spend of the sessions being replaced.
-- Grain: rows of session_spend. Parameters: $accounts (VARCHAR[]: the sample accounts). Also drops
-- spend keyed by a session id the new sample uses (registered frame sample_sessions).
DELETE FROM session_spend
WHERE session_id IN (
    SELECT session_id FROM sessions WHERE list_contains(CAST($accounts AS VARCHAR[]), account)
    UNION ALL
    SELECT session_id FROM sample_sessions
)
