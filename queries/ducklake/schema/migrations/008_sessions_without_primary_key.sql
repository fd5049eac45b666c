-- Schema version 8 on a DuckLake: nothing to do. The file version rewrites sessions without its
-- PRIMARY KEY (queries/schema/migrations/008_sessions_without_primary_key.sql); a lake's sessions never
-- had one (liveroi.lake.adapt_ddl), and rewriting it there would only copy every Parquet file into a
-- table whose data path keeps the temporary name. The version is still recorded, so both back-ends
-- stand at the same schema version.
-- Grain: none. No parameters.
SELECT 8 AS schema_version;
