-- The x_<field> cells of a session list (known figures the contract has no column for: headers.EXTRAS) in
-- long form, parsed by kind: 'rate' through liveroi_rate (`12.3%` → 0.123, a plain number as written),
-- 'seconds' through liveroi_seconds_of_raw_fast, the rest as numbers times the header's unit scale, at
-- full precision (the per-hour figures are quotients: 943.116017496355).
-- value NULL = missing or unparseable (liveroi_cell_bad tells them apart).
-- Grain: one row per data row to parse (not blank, summary or known) per extra column. Parameters:
-- $extra_columns (raw column names, e.g. 'x_refunds_1h'), $extra_kinds, $extra_scales (same order).
CREATE OR REPLACE TEMP TABLE import_extra_cells AS
WITH extra_source AS (
    SELECT _row, COLUMNS('^x_')
    FROM import_rows
    WHERE NOT _blank AND NOT _summary AND _row NOT IN (SELECT _row FROM import_known)
),
long AS (
    SELECT * FROM extra_source UNPIVOT INCLUDE NULLS (extra_text FOR extra_column IN (COLUMNS('^x_')))
),
described AS (
    SELECT
        *,
        $extra_kinds[list_position($extra_columns, extra_column)] AS kind,
        $extra_scales[list_position($extra_columns, extra_column)] AS scale
    FROM long
)
SELECT
    _row,
    extra_column,
    substr(extra_column, 3) AS field,
    extra_text,
    CASE kind
        WHEN 'rate' THEN round(liveroi_rate(extra_text), 10)
        WHEN 'seconds' THEN liveroi_seconds_of_raw_fast(extra_text, scale)
        ELSE liveroi_number_of_raw_fast(extra_text) * scale
    END AS value
FROM described;
