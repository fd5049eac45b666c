-- Macro liveroi_timestamp_of_raw_fast(s): liveroi_timestamp_of_raw over a RAW cell (within 2000–2099), cleaning it only when a
-- plain cast fails (see liveroi_number_of_raw_fast; liveroi_timestamp_of_clean starts with the same cast). Grain: scalar.
-- No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_timestamp_of_raw_fast(s) AS (
    liveroi_in_range(coalesce(TRY_CAST(s AS TIMESTAMP), liveroi_timestamp_of_clean(liveroi_clean(s))))
);
