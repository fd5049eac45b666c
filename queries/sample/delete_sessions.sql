-- Before reloading the sample brand: drop the sessions of the sample accounts (and any session whose id
-- the new sample uses). Grain: rows of sessions. Parameters: $accounts (VARCHAR[]).
DELETE FROM sessions
WHERE list_contains(CAST($accounts AS VARCHAR[]), account)
   OR session_id IN (SELECT session_id FROM sample_sessions)
