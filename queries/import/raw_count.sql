-- How many data rows the current file has in import_raw. Grain: one row. No parameters.
SELECT count(*) AS n FROM import_raw;
