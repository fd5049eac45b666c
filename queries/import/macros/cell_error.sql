-- Macro liveroi_cell_error(col, raw, clean, val, bad_reason): why a numeric cell cannot be trusted, as a
-- struct {col, value, reason}, or NULL when it can (a missing cell is fine: "not reported").
-- raw is the cell as written, clean its liveroi_clean, val its parsed value. Unparseable → bad_reason;
-- negative → 'reject.negative'. Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_cell_error(col, raw, clean, val, bad_reason) AS (
    CASE
        WHEN clean IS NULL THEN NULL
        WHEN val IS NULL THEN {'col': col, 'value': raw, 'reason': bad_reason}
        WHEN val < 0 THEN {'col': col, 'value': raw, 'reason': 'reject.negative'}
    END
);
