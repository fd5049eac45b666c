-- Macro liveroi_clean(s): a cell's text trimmed (spaces, tabs, full-width and no-break spaces), or NULL
-- when it means "missing": empty, -, --, —, 暂无, N/A, … Grain: scalar. No parameters.
-- Created per connection by liveroi.importer.values.install_macros (as are the other import_macro_*).
CREATE OR REPLACE TEMP MACRO liveroi_clean(s) AS (
    CASE
        WHEN s IS NULL THEN NULL
        WHEN lower(trim(s, ' 	
　 ')) IN (
            '', '-', '--', '---', '—', '——', '–', '暂无', '无', 'n/a', 'na', 'null', 'none', 'nan', '/', '\N'
        ) THEN NULL
        ELSE trim(s, ' 	
　 ')
    END
);
