-- Add the spend cells that cannot be trusted (unparseable or negative: liveroi_cell_bad) to the reasons of
-- their rows in import_parsed. Runs right after the parse, before the repeated-id check (which looks at
-- rows without reasons). spend_text is text or, in a typed reading, a DOUBLE: quoted as text.
-- Usually touches no row. Grain: one row per row with a bad spend cell.
-- No parameters.
UPDATE import_parsed AS p
SET errors = p.errors || s.errors
FROM (
    SELECT
        _row,
        list(
            liveroi_cell_error(spend_column, CAST(spend_text AS VARCHAR), liveroi_clean(CAST(spend_text AS VARCHAR)), export_spend, 'reject.bad_number')
            ORDER BY spend_column
        ) AS errors
    FROM import_spend_cells
    WHERE liveroi_cell_bad(CAST(spend_text AS VARCHAR), export_spend)
    GROUP BY _row
) AS s
WHERE p._row = s._row;
