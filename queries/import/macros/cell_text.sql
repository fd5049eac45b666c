-- Macro liveroi_cell_text(x): a cell of import_raw as the row tests of queries/import/rows.sql (blank,
-- summary) see it, whatever its reading: a text cell as written; a typed number that is not finite as its
-- text ('nan' is a missing marker, as the text reading takes the written 'nan'; 'inf' is not); any other
-- typed number or time as '0' — present, and neither a missing marker nor a summary label, which is all
-- those tests ask of it (casting every typed cell to its text would cost more than the typed read saves).
-- The type tests are constants per column. Grain: scalar. No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_cell_text(x) AS (
    CASE
        WHEN typeof(x) = 'VARCHAR' THEN CAST(x AS VARCHAR)
        WHEN x IS NULL THEN NULL
        WHEN typeof(x) = 'DOUBLE' AND NOT isfinite(TRY_CAST(x AS DOUBLE)) THEN CAST(x AS VARCHAR)
        ELSE '0'
    END
);
