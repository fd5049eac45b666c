-- Macro liveroi_timestamp(s): liveroi_ts over a raw cell (cleaned first), within 2000–2099. For single
-- values and tests; the import queries clean each column once. Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_timestamp(s) AS (liveroi_in_range(liveroi_ts(liveroi_clean(s))));
