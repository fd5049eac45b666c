-- Import lower bound, step 2 of 3: every row into liveroi's own sessions table, with the one check per row
-- a session needs (a start time and an account) and nothing else: no blank or summary rows, no reasons,
-- no re-import comparison, no import log. Grain: one row per session. No parameters.
INSERT INTO sessions (session_id, account, started_at, ended_at, viewers, orders, gmv, import_id, updated_at, row_hash)
SELECT
    session_id, account, started_at, ended_at, CAST(viewers AS BIGINT), CAST(orders AS BIGINT), gmv, 1,
    current_localtimestamp(), row_hash
FROM bound_rows
WHERE started_at IS NOT NULL AND account IS NOT NULL;
