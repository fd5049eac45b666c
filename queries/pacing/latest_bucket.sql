-- The latest timeline bucket of an account (or of one session): which session it belongs to (NULL =
-- none yet, e.g. a broadcast still live) and when it starts. Grain: one row or none.
-- Parameters: $account, $session_id (NULL = any).
SELECT session_id, bucket_start
FROM session_timeline
WHERE account = $account AND ($session_id IS NULL OR session_id = $session_id)
ORDER BY bucket_start DESC, session_id NULLS LAST
LIMIT 1;
