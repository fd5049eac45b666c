-- Macro liveroi_secs_cell(s, plain_unit_s): liveroi_secs over a RAW cell, cleaning it only when a plain
-- cast fails (see liveroi_num_cell). Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_secs_cell(s, plain_unit_s) AS (
    CASE
        WHEN isfinite(TRY_CAST(s AS DOUBLE)) THEN TRY_CAST(s AS DOUBLE) * plain_unit_s
        ELSE liveroi_secs(liveroi_clean(s), plain_unit_s)
    END
);
