-- Import page: rejected rows of the latest imports with their reasons; total_rows counts them all.
-- Grain: one row per rejected value, at most $limit. Parameters: $limit.
SELECT
    import_id, file_name, row_number, column_name, value, reason_key, reason,
    count(*) OVER () AS total_rows
FROM rejected_rows
ORDER BY import_id DESC, row_number, column_name
LIMIT $limit;
