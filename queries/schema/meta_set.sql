-- Record one fact about the schema. Parameters: $key, $value.
INSERT INTO schema_meta (key, value) VALUES ($key, $value)
ON CONFLICT (key) DO UPDATE SET value = excluded.value;
