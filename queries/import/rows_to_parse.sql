-- How many data rows of the current session export must be parsed: not blank, not summary, not known
-- (import_known). Zero on a re-import of an unchanged file, which then skips the parse altogether.
-- Grain: one row. No parameters.
SELECT count(*) AS n
FROM import_rows
WHERE NOT _blank AND NOT _summary AND _row NOT IN (SELECT _row FROM import_known);
