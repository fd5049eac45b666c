-- The highest import id in use (0 when none), to advance the id sequence after a restore.
-- Grain: one row. No parameters.
SELECT coalesce(max(import_id), 0) AS max_import_id FROM imports;
