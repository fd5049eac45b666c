-- Rename the staged sessions of file $file_idx to the stored session they are (import_resolved, from
-- import_resolve_ids); a snapshot session takes the stored start and end. Grain: one row per renamed
-- session. Parameters: $file_idx.
UPDATE import_stage_sessions AS n
SET
    session_id = r.stored_id,
    started_at = CASE WHEN r.keep_stored_times THEN r.stored_started_at ELSE n.started_at END,
    ended_at = CASE WHEN r.keep_stored_times THEN coalesce(r.stored_ended_at, n.ended_at) ELSE n.ended_at END
FROM import_resolved AS r
WHERE n.file_idx = $file_idx AND n.session_id = r.staged_id;
