-- DuckLake version of import/log_start (no sequences, no RETURNING): the id is chosen by the caller as
-- max() + 1 inside a serialised write (liveroi.db). Grain: one new row.
-- Parameters: $import_id, $file_name, $content_hash, $kind, $layout, $rows_read.
INSERT INTO imports (import_id, file_name, content_hash, kind, layout, status, rows_read)
VALUES ($import_id, $file_name, $content_hash, $kind, $layout, 'running', $rows_read);
