-- Promo days to mark on the charts: brand-wide days and those of the selected accounts.
-- Grain: one row per stored promo day in [$start, $end].
-- Parameters: $accounts (VARCHAR[], empty = every account), $start (DATE), $end (DATE).
SELECT day, name
FROM promo_days
WHERE day BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
  AND (account IS NULL
       OR len(CAST($accounts AS VARCHAR[])) = 0
       OR list_contains(CAST($accounts AS VARCHAR[]), account))
ORDER BY day, name;
