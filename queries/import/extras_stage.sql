-- Stage the extra figures of the valid rows of import_parsed for file $file_idx. A missing cell is not
-- staged, so a stored figure is kept (a missing value never erases one).
-- Grain: one row per session per field with a value. Parameters: $file_idx.
INSERT INTO import_stage_extras
SELECT $file_idx, p.session_id, c.field, c.value
FROM import_extra_cells AS c
JOIN import_parsed AS p USING (_row)
WHERE len(p.errors) = 0 AND c.value IS NOT NULL;
