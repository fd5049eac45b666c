-- The accounts file $file_idx touches, whose ad spend must be re-attached after it lands.
-- Grain: one row per account. Parameters: $file_idx.
SELECT DISTINCT account FROM import_stage_sessions WHERE file_idx = $file_idx
UNION
SELECT DISTINCT account FROM import_stage_ad WHERE file_idx = $file_idx;
