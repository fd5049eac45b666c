-- Benchmarks experiment (python -m benchmarks.profile_import FILE --after-prepare bench_try_macro_clean):
-- queries/import_macro_clean.sql with the same meaning, its IN (...) lists written as list_contains.
-- DuckDB plans `x IN (<constants>)` as a MARK hash join over every row (three per cleaned value, for
-- every cell, even where the CASE would not reach them); list_contains is a plain scalar function.
-- No parameters.
CREATE OR REPLACE TEMP MACRO liveroi_clean(s) AS (
    CASE
        WHEN s IS NULL THEN NULL
        WHEN length(s) > 4
            AND NOT list_contains([32, 9, 10, 13, 12288, 160], ord(s))
            AND NOT list_contains([32, 9, 10, 13, 12288, 160], ord(s[-1]))
            THEN s
        WHEN list_contains(['', '-', '--', '---', '—', '——', '–', '暂无', '无', 'n/a', 'na', 'null', 'none', 'nan', '/', '\N'], lower(trim(s, ' 	
　 '))) THEN NULL
        ELSE trim(s, ' 	
　 ')
    END
);
