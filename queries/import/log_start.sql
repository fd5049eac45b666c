-- Open the import log entry of one file with status 'running' (committed on its own, before the data
-- transaction, so a crash leaves a trace that liveroi.importer.load.mark_interrupted can close).
-- Grain: one new row. Parameters: $file_name, $content_hash, $kind, $layout, $rows_read.
INSERT INTO imports (file_name, content_hash, kind, layout, status, rows_read)
VALUES ($file_name, $content_hash, $kind, $layout, 'running', $rows_read)
RETURNING import_id;
