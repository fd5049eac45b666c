-- Stage the export spend of the valid rows of import_parsed for file $file_idx. A missing cell is not
-- staged: a new session has no spend there (no session_spend row = 0) and a stored figure is kept (a
-- missing value never erases one); a written 0 is staged and does erase it.
-- Grain: one row per session per channel with a figure. Parameters: $file_idx.
INSERT INTO import_stage_spend
SELECT $file_idx, p.session_id, c.channel, c.export_spend
FROM import_spend_cells AS c
JOIN import_parsed AS p USING (_row)
WHERE len(p.errors) = 0 AND c.export_spend IS NOT NULL;
