-- The rows of import_raw made ready for parsing: blank rows (every cell empty or a missing marker) and
-- summary rows (合计/总计/汇总/小计 in the first non-empty cell or in the id/account cell) flagged, and _hash,
-- a 64-bit hash of the row's cells; _copies = 1. Exact duplicates are collapsed afterwards by
-- import/rows_dedupe, run only when import/rows_repeated finds a hash twice (one pass over the file here,
-- instead of an anti-join of every row against the repeated hashes).
-- Only the file's own columns are stored here (import_rows_data), with session_id, account, started_at and
-- ended_at added as NULL when the file has none (the summary test and a snapshot file's UPDATE name them);
-- every other canonical column the file lacks is added by the view import_rows (queries/import/rows_view.sql)
-- as a constant NULL, so a ten-column file is not copied as sixty.
-- The cells are text (the text reading) or typed (a typed reading: numbers as DOUBLE, times as TIMESTAMP —
-- queries/import/reading_typed.sql); the blank and summary tests read each cell as liveroi_cell_text gives
-- it (_text_<name>: the cell itself for a text column), the hash the cells as they are.
-- Blank: the first cell holding a value, after liveroi_clean. The first non-NULL cell settles it for almost
-- every row; only when that one is a missing marker (a '-' or 暂无 in a first 班次 column, say) is the whole
-- row listed and searched.
-- Summary: a cheap test of the first character (合 总 汇 小 t s, either case) before the regex, as CASE
-- branches (an AND in a projection evaluates both sides for every row: the regex ran on 3M cells).
-- Grain: one row per raw row. Parameters: $header_row (1-based row of the header; the Excel row of data
-- row k is $header_row + k).
CREATE OR REPLACE TEMP TABLE import_rows_data AS
WITH numbered AS (
    SELECT $header_row + 1 + rowid AS _row, hash(*COLUMNS(*)) AS _hash, *, 1 AS _copies FROM import_raw
),
completed AS (
    SELECT * FROM numbered
    UNION ALL BY NAME
    SELECT session_id, account, started_at, ended_at FROM import_template_reading
),
texts AS (
    SELECT *, liveroi_cell_text(COLUMNS(* EXCLUDE (_row, _hash, _copies))) AS '_text_\0' FROM completed
),
first_cell AS (
    SELECT *, liveroi_clean(coalesce(*COLUMNS('^_text_'))) AS _first_raw
    FROM texts
),
looked AS (
    SELECT *, _first_raw IS NULL AS _look FROM first_cell
),
listed AS (
    SELECT
        * EXCLUDE (_look),
        CASE WHEN _look THEN list_value(*COLUMNS('^_text_')) END AS _cells
    FROM looked
),
cells AS (
    SELECT
        COLUMNS(c -> NOT starts_with(c, '_text_') AND NOT list_contains(['_first_raw', '_cells'], c)),
        coalesce(_first_raw, liveroi_clean(list_filter(_cells, x -> liveroi_clean(x) IS NOT NULL)[1])) AS _first,
        liveroi_clean(session_id) AS _id_clean,
        liveroi_clean(account) AS _account_clean
    FROM listed
)
SELECT
    * EXCLUDE (_first, _id_clean, _account_clean),
    _first IS NULL AS _blank,
    CASE WHEN list_contains([21512, 24635, 27719, 23567, 116, 84, 115, 83], ord(_first))
        THEN regexp_matches(lower(_first), '^(合计|总计|汇总|小计|总和|(total|sum)\b)') ELSE false END
    OR CASE WHEN list_contains([21512, 24635, 27719, 23567, 116, 84, 115, 83], ord(_id_clean))
        THEN regexp_matches(lower(_id_clean), '^(合计|总计|汇总|小计|总和|(total|sum)\b)') ELSE false END
    OR CASE WHEN list_contains([21512, 24635, 27719, 23567, 116, 84, 115, 83], ord(_account_clean))
        THEN regexp_matches(lower(_account_clean), '^(合计|总计|汇总|小计|总和|(total|sum)\b)') ELSE false END
        AS _summary
FROM cells;
