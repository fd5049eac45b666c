-- Stage the rejected cells of import_parsed (or import_ad_parsed: both are read through the view
-- import_checked) for file $file_idx, each with its whole raw row as JSON keyed by the headers as written.
-- Grain: one row per rejected row per reason. Parameters: $file_idx, $raw_names (import_raw column names
-- in file order), $written (the headers as written, same order). A reason on a column the file does not
-- have (e.g. a missing account column) names the canonical field. The cells are text (a typed reading is
-- staged again as text when it has a row to reject; the cast only lets the query bind over its columns).
INSERT INTO import_stage_rejects
WITH errors AS (
    SELECT _row, unnest(errors) AS e FROM import_checked WHERE len(errors) > 0
),
rejected_rows AS (
    SELECT _row, CAST(COLUMNS(* EXCLUDE (_row, _hash, _copies, _blank, _summary)) AS VARCHAR)
    FROM import_rows
    WHERE _row IN (SELECT _row FROM errors)
),
raw_cells AS (
    SELECT * FROM rejected_rows UNPIVOT INCLUDE NULLS (cell FOR raw_name IN (COLUMNS(* EXCLUDE (_row))))
),
raw_json AS (
    SELECT
        _row,
        '{' || string_agg(
            to_json($written[list_position($raw_names, raw_name)]) || ':' || coalesce(to_json(cell), 'null'),
            ',' ORDER BY list_position($raw_names, raw_name)
        ) || '}' AS raw_row
    FROM raw_cells
    WHERE list_contains($raw_names, raw_name)
    GROUP BY _row
)
SELECT
    $file_idx,
    errors._row,
    coalesce($written[list_position($raw_names, e.col)], e.col),
    e.value,
    e.reason,
    raw_json.raw_row
FROM errors
LEFT JOIN raw_json USING (_row);
