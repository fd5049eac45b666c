-- How many row hashes of import_rows_data occur more than once: 0 for almost every export, and then
-- import/rows_dedupe is not run. Grain: one row. No parameters.
SELECT count(*) AS n FROM (SELECT _hash FROM import_rows_data GROUP BY _hash HAVING count(*) > 1);
