-- DuckLake version of schema/meta_set (MERGE INTO: no primary key). Record one fact about the schema.
-- Parameters: $key, $value.
MERGE INTO schema_meta AS m
USING (SELECT CAST($key AS VARCHAR) AS key, CAST($value AS VARCHAR) AS value) AS n
ON m.key = n.key
WHEN MATCHED THEN UPDATE SET value = n.value
WHEN NOT MATCHED THEN INSERT (key, value) VALUES (n.key, n.value);
