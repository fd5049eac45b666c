-- Import page: the latest imports, newest first.
-- Grain: one row per file per import attempt, at most $limit. Parameters: $limit.
SELECT
    import_id, file_name, kind, layout, status, started_at, finished_at,
    rows_read, inserted, updated, unchanged, skipped, rejected, error
FROM imports
ORDER BY import_id DESC
LIMIT $limit;
