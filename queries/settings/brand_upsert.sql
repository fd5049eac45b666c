-- Save the brand's settings (the one row, brand = '*'). NULL clears a value (built-in default).
-- Parameters: $test_share.
INSERT INTO brand_settings (brand, test_share, updated_at)
VALUES ('*', $test_share, current_timestamp)
ON CONFLICT (brand) DO UPDATE SET
    test_share = excluded.test_share,
    updated_at = excluded.updated_at;
