-- Macro liveroi_number_of_raw(s): liveroi_number_of_clean over a raw cell (cleaned first). For single values and tests; the
-- import queries clean each column once and call liveroi_number_of_clean. Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_number_of_raw(s) AS (liveroi_number_of_clean(liveroi_clean(s)));
