-- Macro liveroi_clean(s): a cell's text trimmed (spaces, tabs, line breaks, full-width and no-break spaces),
-- or NULL when it means "missing": empty, -, --, —, 暂无, N/A, … Grain: scalar. No parameters.
-- Fast path: a cell that neither starts nor ends with white space needs no trim (slow with a character
-- set); it is returned as it is unless it is a marker, and one longer than any marker (6 bytes) or
-- starting with a digit cannot be. No `IN (…)` lists here: DuckDB plans a constant IN list as a join,
-- one per call, which made a file's parse a chain of dozens of joins; list_contains stays an expression.
-- Created per connection by liveroi.importer.values.install_macros (as are the other import_macro_*).
CREATE OR REPLACE TEMP MACRO liveroi_clean(s) AS (
    CASE
        WHEN s IS NULL THEN NULL
        WHEN ord(s) > 32 AND ord(s) <> 12288 AND ord(s) <> 160
            AND ord(s[-1]) > 32 AND ord(s[-1]) <> 12288 AND ord(s[-1]) <> 160
            THEN CASE
                WHEN strlen(s) > 6 OR (ord(s) >= 48 AND ord(s) <= 57) THEN s
                WHEN list_contains(['', '-', '--', '---', '—', '——', '–', '暂无', '无', 'n/a', 'na', 'null', 'none', 'nan', '/', '\N'], lower(s)) THEN NULL
                ELSE s
            END
        WHEN list_contains(['', '-', '--', '---', '—', '——', '–', '暂无', '无', 'n/a', 'na', 'null', 'none', 'nan', '/', '\N'], lower(trim(s, ' 	
　 '))) THEN NULL
        ELSE trim(s, ' 	
　 ')
    END
);
