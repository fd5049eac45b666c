-- DuckLake only: the id an import log row was given, as the last result of the connection (what
-- RETURNING import_id leaves on a DuckDB file). Grain: one row. Parameters: $import_id.
SELECT CAST($import_id AS BIGINT) AS import_id;
