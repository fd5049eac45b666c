-- Clear the report spend of the given accounts' sessions before it is recomputed from ad_spend.
-- Grain: every session_spend row of those accounts. Parameters: $accounts.
UPDATE session_spend
SET report_spend = NULL, report_ad_gmv = NULL
WHERE session_id IN (SELECT session_id FROM sessions WHERE account IN (SELECT unnest($accounts)))
  AND (report_spend IS NOT NULL OR report_ad_gmv IS NOT NULL);
