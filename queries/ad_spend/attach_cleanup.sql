-- Drop session_spend rows that no longer hold any figure (report spend moved elsewhere, no export spend).
-- Grain: every empty row. No parameters.
DELETE FROM session_spend
WHERE export_spend IS NULL AND report_spend IS NULL AND report_ad_gmv IS NULL;
