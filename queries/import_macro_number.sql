-- Macro liveroi_number(s): liveroi_num over a raw cell (cleaned first). For single values and tests; the
-- import queries clean each column once and call liveroi_num. Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_number(s) AS (liveroi_num(liveroi_clean(s)));
