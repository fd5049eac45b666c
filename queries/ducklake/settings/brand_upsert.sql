-- DuckLake version of settings/brand_upsert (MERGE INTO: no primary key): save the brand's settings
-- (the one row, brand = '*'). NULL clears a value (built-in default).
-- Parameters: $test_share.
MERGE INTO brand_settings AS b
USING (SELECT '*' AS brand, CAST($test_share AS DOUBLE) AS test_share) AS n
ON b.brand = n.brand
WHEN MATCHED THEN UPDATE SET
    test_share = n.test_share,
    updated_at = current_timestamp
WHEN NOT MATCHED THEN INSERT (brand, test_share, updated_at)
    VALUES (n.brand, n.test_share, current_timestamp);
