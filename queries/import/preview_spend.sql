-- The parsed export spend of file $file_idx (for preview_file). Grain: one row per session per channel.
-- Parameters: $file_idx.
SELECT session_id, channel, export_spend FROM import_stage_spend WHERE file_idx = $file_idx;
