-- The base tables of the database (views excluded), with their row counts taken by the backup.
-- Grain: one row per table. No parameters.
SELECT table_name
FROM information_schema.tables
WHERE table_schema = 'main' AND table_type = 'BASE TABLE'
  AND table_catalog = current_database()  -- not a lake's metadata catalog, attached beside it
ORDER BY table_name;
