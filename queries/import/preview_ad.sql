-- The parsed, valid ad rows of file $file_idx (for preview_file), in file order.
-- Grain: one row per account, channel, plan and period. Parameters: $file_idx.
SELECT * EXCLUDE (file_idx) FROM import_stage_ad WHERE file_idx = $file_idx ORDER BY _row;
