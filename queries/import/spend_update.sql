-- Update the export spend of file $file_idx per stored session and channel where it differs (report_spend
-- from ad reports is left alone). Run before import_spend_insert.
-- Grain: one row per session per channel written. Parameters: $file_idx.
UPDATE session_spend AS o
SET export_spend = sp.export_spend
FROM import_stage_spend AS sp
WHERE sp.file_idx = $file_idx
  AND o.session_id = sp.session_id
  AND o.channel = sp.channel
  AND o.export_spend IS DISTINCT FROM sp.export_spend;
