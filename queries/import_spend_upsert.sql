-- Write the export spend of file $file_idx per session and channel where it differs from what is stored
-- (report_spend from ad reports is left alone). Grain: one row per session per channel written.
-- Parameters: $file_idx.
INSERT INTO session_spend (session_id, channel, export_spend)
SELECT sp.session_id, sp.channel, sp.export_spend
FROM import_stage_spend AS sp
LEFT JOIN session_spend AS o USING (session_id, channel)
WHERE sp.file_idx = $file_idx AND o.export_spend IS DISTINCT FROM sp.export_spend
ON CONFLICT (session_id, channel) DO UPDATE SET export_spend = EXCLUDED.export_spend;
