-- The latest broadcast day of the selected accounts on or before $end (Today's default day).
-- Grain: one row (latest_day NULL when there is no session).
-- Parameters: $accounts (VARCHAR[], empty = every account), $end (DATE).
SELECT max(CAST(started_at AS DATE)) AS latest_day
FROM sessions
WHERE CAST(started_at AS DATE) <= CAST($end AS DATE)
  AND (len(CAST($accounts AS VARCHAR[])) = 0 OR list_contains(CAST($accounts AS VARCHAR[]), account));
