-- The <渠道>消耗 cells of a timeline file in long form, parsed, with the reason a cell cannot be trusted.
-- Grain: one row per data row (not blank or summary) per channel spend column.
-- Parameters: $spend_columns (raw column names, e.g. 'spend_xiaodiantong'), $spend_scales (元 per unit).
CREATE OR REPLACE TEMP TABLE import_timeline_channel_cells AS
WITH spend_source AS (
    SELECT _row, COLUMNS('^spend_') FROM import_rows WHERE NOT _blank AND NOT _summary
),
long AS (
    SELECT * FROM spend_source UNPIVOT INCLUDE NULLS (spend_text FOR spend_column IN (COLUMNS('^spend_')))
),
parsed AS (
    SELECT
        _row,
        spend_column,
        substr(spend_column, 7) AS channel,
        spend_text,
        liveroi_clean(spend_text) AS spend_clean,
        round(liveroi_number_of_raw_fast(spend_text) * $spend_scales[list_position($spend_columns, spend_column)], 2)
            AS spend
    FROM long
)
SELECT *, liveroi_cell_error(spend_column, spend_text, spend_clean, spend, 'reject.bad_number') AS error
FROM parsed;
