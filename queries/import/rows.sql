-- The rows of import_raw made ready for parsing: exact duplicates collapsed (first row kept, _copies
-- counts them), blank rows (every cell empty or a missing marker) and summary rows
-- (合计/总计/汇总/小计 in the first non-empty cell or in the id/account cell) flagged, every canonical column
-- present (NULL when the file has none), and _hash, a 64-bit hash of the row's cells.
-- Duplicates: rows are grouped by _hash (one integer per row, instead of grouping by every text column);
-- only rows whose hash occurs more than once are then compared cell by cell, so two different rows that
-- happen to share a hash are never merged.
-- Grain: one row per distinct raw row. Parameters: $header_row (1-based row of the header; the Excel row
-- of data row k is $header_row + k).
CREATE OR REPLACE TEMP TABLE import_rows AS
WITH numbered AS (
    SELECT $header_row + 1 + rowid AS _row, hash(*COLUMNS(*)) AS _hash, * FROM import_raw
),
repeated AS (
    SELECT _hash FROM numbered GROUP BY _hash HAVING count(*) > 1
),
distinct_rows AS (
    SELECT *, 1 AS _copies FROM numbered WHERE _hash NOT IN (SELECT _hash FROM repeated)
    UNION ALL BY NAME
    SELECT min(_row) AS _row, count(*) AS _copies, COLUMNS(* EXCLUDE (_row))
    FROM numbered
    WHERE _hash IN (SELECT _hash FROM repeated)
    GROUP BY ALL
),
completed AS (
    SELECT * FROM distinct_rows
    UNION ALL BY NAME
    SELECT * FROM import_template
),
listed AS (
    SELECT
        *,
        liveroi_clean(coalesce(*COLUMNS(* EXCLUDE (_row, _hash, _copies)))) AS _first_raw,
        list_value(*COLUMNS(* EXCLUDE (_row, _hash, _copies))) AS _cells
    FROM completed
),
cells AS (
    -- the first cell holding a value: a leading '-' or 暂无 (a missing 班次, say) does not make a row blank
    SELECT
        * EXCLUDE (_first_raw, _cells),
        coalesce(_first_raw, liveroi_clean(list_filter(_cells, x -> liveroi_clean(x) IS NOT NULL)[1])) AS _first
    FROM listed
)
SELECT
    * EXCLUDE (_first),
    _first IS NULL AS _blank,
    coalesce(
        regexp_matches(lower(_first), '^(合计|总计|汇总|小计|总和|(total|sum)\b)')
        OR regexp_matches(lower(liveroi_clean(session_id)), '^(合计|总计|汇总|小计|总和|(total|sum)\b)')
        OR regexp_matches(lower(liveroi_clean(account)), '^(合计|总计|汇总|小计|总和|(total|sum)\b)'),
        false
    ) AS _summary
FROM cells;
