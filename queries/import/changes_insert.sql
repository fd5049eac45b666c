-- Record what the import changed (import_diff) in the import log's change table.
-- Grain: one row per session per changed field. Parameters: $import_id.
INSERT INTO import_changes (import_id, session_id, field, old_value, new_value)
SELECT $import_id, session_id, field, old, new FROM import_diff;
