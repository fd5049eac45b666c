-- Macro liveroi_num_cell(s): liveroi_num over a RAW cell, cleaning it only when a plain cast fails (most
-- cells of an export are plain numbers: no trim, no marker lookup, no regex). Same result as
-- liveroi_num(liveroi_clean(s)): a cast accepts surrounding spaces as the trim would drop them, and no
-- missing marker casts to a finite number. Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_num_cell(s) AS (
    CASE
        WHEN isfinite(TRY_CAST(s AS DOUBLE)) THEN TRY_CAST(s AS DOUBLE)
        ELSE liveroi_num(liveroi_clean(s))
    END
);
