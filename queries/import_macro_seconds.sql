-- Macro liveroi_seconds(s, plain_unit_s): liveroi_secs over a raw cell (cleaned first). For single values
-- and tests; the import queries clean each column once. Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_seconds(s, plain_unit_s) AS (liveroi_secs(liveroi_clean(s), plain_unit_s));
