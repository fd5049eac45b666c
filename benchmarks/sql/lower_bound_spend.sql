-- Import lower bound, step 3 of 3: each session's spend per channel into liveroi's session_spend (long
-- form, a 0 not stored), as the store keeps it. Grain: one row per session per channel with spend.
-- No parameters.
INSERT INTO session_spend (session_id, channel, export_spend)
SELECT session_id, substr(spend_column, 7), export_spend
FROM (SELECT session_id, COLUMNS('^spend_') FROM bound_rows WHERE started_at IS NOT NULL AND account IS NOT NULL)
UNPIVOT (export_spend FOR spend_column IN (COLUMNS('^spend_')))
WHERE export_spend <> 0;
