-- Write the extra figures of file $file_idx (after import_extras_delete removed the ones they replace).
-- Grain: one row per session per field. Parameters: $file_idx.
INSERT INTO session_extras (session_id, field, value)
SELECT session_id, field, value FROM import_stage_extras WHERE file_idx = $file_idx;
