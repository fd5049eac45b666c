-- Mark the import log entry of a file whose data transaction rolled back. Grain: one row.
-- Parameters: $import_id, $error (one line).
UPDATE imports
SET status = 'failed', finished_at = current_localtimestamp(), error = $error
WHERE import_id = $import_id;
