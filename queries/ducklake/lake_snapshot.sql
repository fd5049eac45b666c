-- DuckLake only: the lake's current snapshot id, which every commit advances (the dashboard's cache key,
-- as a file's mtime is). Grain: one row. No parameters.
SELECT id FROM ducklake_current_snapshot('liveroi');
