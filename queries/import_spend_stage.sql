-- Stage the export spend of the valid rows of import_parsed for file $file_idx (missing spend = 0).
-- Grain: one row per session per channel. Parameters: $file_idx.
INSERT INTO import_stage_spend
SELECT $file_idx, p.session_id, c.channel, coalesce(c.export_spend, 0)
FROM import_spend_cells AS c
JOIN import_parsed AS p USING (_row)
WHERE len(p.errors) = 0;
