-- Macro liveroi_clean(s): a cell's text trimmed (spaces, tabs, line breaks, full-width and no-break spaces),
-- or NULL when it means "missing": empty, -, --, —, 暂无, N/A, … Grain: scalar. No parameters.
-- Fast path: a cell that neither starts nor ends with white space and is longer than any marker is
-- returned as it is (trim with a character set is slow; most cells need none).
-- Created per connection by liveroi.importer.values.install_macros (as are the other import_macro_*).
CREATE OR REPLACE TEMP MACRO liveroi_clean(s) AS (
    CASE
        WHEN s IS NULL THEN NULL
        WHEN length(s) > 4
            AND ord(s) NOT IN (32, 9, 10, 13, 12288, 160)
            AND ord(s[-1]) NOT IN (32, 9, 10, 13, 12288, 160)
            THEN s
        WHEN lower(trim(s, ' 	
　 ')) IN (
            '', '-', '--', '---', '—', '——', '–', '暂无', '无', 'n/a', 'na', 'null', 'none', 'nan', '/', '\N'
        ) THEN NULL
        ELSE trim(s, ' 	
　 ')
    END
);
