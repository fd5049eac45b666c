-- Macro liveroi_timestamp_of_raw(s): liveroi_timestamp_of_clean over a raw cell (cleaned first), within 2000–2099. For single
-- values and tests; the import queries clean each column once. Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_timestamp_of_raw(s) AS (liveroi_in_range(liveroi_timestamp_of_clean(liveroi_clean(s))));
