-- Remove the stored extra figures that file $file_idx replaces (same session and field); import_extras_insert
-- then writes the new ones. Grain: one row per replaced figure. Parameters: $file_idx.
DELETE FROM session_extras AS o
WHERE EXISTS (
    SELECT 1 FROM import_stage_extras AS x
    WHERE x.file_idx = $file_idx AND x.session_id = o.session_id AND x.field = o.field
);
