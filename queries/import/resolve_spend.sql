-- Rename the staged rows of file $file_idx in import_stage_spend to the stored session they are
-- (import_resolved, from import_resolve_ids). Grain: one row per renamed row. Parameters: $file_idx.
UPDATE import_stage_spend AS n
SET session_id = r.stored_id
FROM import_resolved AS r
WHERE n.file_idx = $file_idx AND n.session_id = r.staged_id;
