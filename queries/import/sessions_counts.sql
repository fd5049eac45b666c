-- How the sessions of file $file_idx will land: new (inserted), existing with a changed field (updated),
-- existing and identical (unchanged). Run after import_sessions_diff, before the upsert.
-- Grain: one row. Parameters: $file_idx.
SELECT
    count(*) FILTER (WHERE s.session_id IS NULL) AS inserted,
    count(*) FILTER (WHERE s.session_id IS NOT NULL AND d.session_id IS NOT NULL) AS updated,
    count(*) FILTER (WHERE s.session_id IS NOT NULL AND d.session_id IS NULL) AS unchanged
FROM import_stage_sessions AS n
LEFT JOIN sessions AS s USING (session_id)
LEFT JOIN (SELECT DISTINCT session_id FROM import_diff) AS d USING (session_id)
WHERE n.file_idx = $file_idx;
