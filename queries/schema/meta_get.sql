-- One fact about the schema, or no row. Parameters: $key.
SELECT value FROM schema_meta WHERE key = $key;
