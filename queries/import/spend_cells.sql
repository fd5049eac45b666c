-- The spend_<channel> cells of a session export in long form, parsed by the file's reading
-- (liveroi_read_number: queries/import/reading_text.sql or reading_typed.sql); spend_text is the cell as
-- read (text, or a DOUBLE in a typed reading: quote it as CAST(spend_text AS VARCHAR)); export_spend NULL =
-- missing or unparseable (liveroi_cell_bad tells them apart).
-- Grain: one row per data row to parse (not blank, summary or known: import_known) per spend column. Parameters: $spend_columns (raw column names, e.g.
-- 'spend_xiaodiantong'), $spend_scales (元 per unit of each, same order: 分 → 0.01, 厘 → 0.001).
CREATE OR REPLACE TEMP TABLE import_spend_cells AS
WITH spend_source AS (
    SELECT _row, COLUMNS('^spend_')
    FROM import_rows
    WHERE NOT _blank AND NOT _summary AND _row NOT IN (SELECT _row FROM import_known)
),
long AS (
    SELECT * FROM spend_source UNPIVOT INCLUDE NULLS (spend_text FOR spend_column IN (COLUMNS('^spend_')))
)
SELECT
    _row,
    spend_column,
    substr(spend_column, 7) AS channel,
    spend_text,
    round(liveroi_read_number(spend_text) * $spend_scales[list_position($spend_columns, spend_column)], 2) AS export_spend
FROM long;
