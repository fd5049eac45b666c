-- The brand's own settings as stored (NULL where the built-in default applies: no row yet, or unset).
-- Grain: one row. No parameters.
SELECT b.test_share
FROM (SELECT 1) AS one
LEFT JOIN brand_settings AS b ON b.brand = '*';
