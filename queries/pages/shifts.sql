-- Sessions page: the anchor shifts (班次) present for the selected accounts and days, for the filter.
-- Grain: one row per shift, at most 200. Parameters: $accounts (VARCHAR[], empty = every account),
-- $start, $end (DATE).
SELECT DISTINCT shift
FROM sessions
WHERE shift IS NOT NULL
  AND CAST(started_at AS DATE) BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
  AND (len(CAST($accounts AS VARCHAR[])) = 0 OR list_contains(CAST($accounts AS VARCHAR[]), account))
ORDER BY shift
LIMIT 200;
