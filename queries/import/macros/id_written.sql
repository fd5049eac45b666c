-- Macro liveroi_id_written(t): the id a CLEANED id cell t (see liveroi_clean) writes: an Excel-protected
-- ="…" or a leading ' unwrapped, NULL when nothing is left. Fast path: a cell starting with neither = nor '
-- (almost every id) is returned as it is, without the two regex replacements (which would leave it so).
-- Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_id_written(t) AS (
    CASE
        WHEN t <> '' AND ord(t) <> 61 AND ord(t) <> 39 THEN t
        ELSE nullif(regexp_replace(regexp_replace(t, '^="(.*)"$', '\1'), '^''', ''), '')
    END
);
