-- The parsed, valid session rows of file $file_idx (for preview_file), in file order.
-- Grain: one row per session. Parameters: $file_idx.
SELECT * EXCLUDE (file_idx) FROM import_stage_sessions WHERE file_idx = $file_idx ORDER BY _row;
