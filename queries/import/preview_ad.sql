-- The parsed, valid ad rows of file $file_idx (for preview_file), in file order; the extra figures as
-- text (a table cell shows one value). Grain: one row per account, channel, ad object and period.
-- Parameters: $file_idx.
SELECT * EXCLUDE (file_idx, extras), CAST(extras AS VARCHAR) AS extras
FROM import_stage_ad
WHERE file_idx = $file_idx
ORDER BY _row;
