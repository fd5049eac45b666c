-- Export: every column of session_metrics, for a spreadsheet.
-- Grain: one row per session, by start time. Parameters (NULL = no filter):
--   $accounts VARCHAR[]  only these accounts
--   $start    DATE       sessions that start on or after this day
--   $end      DATE       sessions that start on or before this day
SELECT *
FROM session_metrics
WHERE ($accounts IS NULL OR list_contains(CAST($accounts AS VARCHAR[]), account))
  AND ($start IS NULL OR day >= CAST($start AS DATE))
  AND ($end IS NULL OR day <= CAST($end AS DATE))
ORDER BY started_at, session_id
