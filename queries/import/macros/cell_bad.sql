-- Macro liveroi_cell_bad(raw, val): true when a numeric cell cannot be trusted — present but unparseable
-- (val NULL, raw not a missing marker) or negative. The cheap test of the validators: the cell is cleaned
-- only where val is NULL. Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_cell_bad(raw, val) AS (
    CASE WHEN val IS NULL THEN liveroi_clean(raw) IS NOT NULL ELSE val < 0 END
);
