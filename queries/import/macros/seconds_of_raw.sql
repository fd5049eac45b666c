-- Macro liveroi_seconds_of_raw(s, plain_unit_s): liveroi_seconds_of_clean over a raw cell (cleaned first). For single values
-- and tests; the import queries clean each column once. Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_seconds_of_raw(s, plain_unit_s) AS (liveroi_seconds_of_clean(liveroi_clean(s), plain_unit_s));
