-- Add the extra cells (import_extra_cells) that cannot be trusted — present but unparseable, or negative —
-- to the reasons of their rows in import_parsed, as import_sessions_spend_errors does for spend. Runs
-- before the repeated-id check. Usually touches no row. Grain: one row per row with a bad extra cell.
-- No parameters.
UPDATE import_parsed AS p
SET errors = p.errors || s.errors
FROM (
    SELECT
        _row,
        list(
            liveroi_cell_error(extra_column, extra_text, liveroi_clean(extra_text), value, 'reject.bad_number')
            ORDER BY extra_column
        ) AS errors
    FROM import_extra_cells
    WHERE liveroi_cell_bad(extra_text, value)
    GROUP BY _row
) AS s
WHERE p._row = s._row;
