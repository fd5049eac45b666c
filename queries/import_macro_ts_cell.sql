-- Macro liveroi_ts_cell(s): liveroi_timestamp over a RAW cell (within 2000–2099), cleaning it only when a
-- plain cast fails (see liveroi_num_cell; liveroi_ts starts with the same cast). Grain: scalar.
-- No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_ts_cell(s) AS (
    liveroi_in_range(coalesce(TRY_CAST(s AS TIMESTAMP), liveroi_ts(liveroi_clean(s))))
);
