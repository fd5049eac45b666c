-- Close the import log entry of a file whose data transaction is committing (runs inside it).
-- Grain: one row. Parameters: $import_id, $inserted, $updated, $unchanged, $skipped, $rejected.
UPDATE imports
SET status = 'committed', finished_at = current_localtimestamp(), inserted = $inserted, updated = $updated,
    unchanged = $unchanged, skipped = $skipped, rejected = $rejected
WHERE import_id = $import_id;
