-- The spend_<channel> cells of a session export in long form, parsed: missing spend is 0.
-- Grain: one row per data row per spend column. Parameters: $spend_columns (raw column names, e.g.
-- 'spend_xiaodiantong'), $spend_scales (元 per unit of each, same order: 分 → 0.01, 厘 → 0.001).
CREATE OR REPLACE TEMP TABLE import_spend_cells AS
WITH spend_source AS (
    SELECT _row, COLUMNS('^spend_') FROM import_rows WHERE NOT _blank AND NOT _summary
),
long AS (
    SELECT * FROM spend_source UNPIVOT INCLUDE NULLS (spend_text FOR spend_column IN (COLUMNS('^spend_')))
)
SELECT
    _row,
    spend_column,
    substr(spend_column, 7) AS channel,
    spend_text,
    liveroi_clean(spend_text) AS spend_clean,
    round(liveroi_number(spend_text) * $spend_scales[list_position($spend_columns, spend_column)], 2) AS export_spend
FROM long;
