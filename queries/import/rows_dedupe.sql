-- Exact duplicate rows of import_rows_data collapsed into one: the first row kept (its _row), _copies
-- counting them. Only rows whose hash occurs more than once are compared, cell by cell (GROUP BY ALL over
-- every column), so two different rows that happen to share a hash are never merged. The collapsed rows
-- go to the end of the table. Run only when import/rows_repeated finds a repeated hash.
-- Grain: one row per distinct raw row. No parameters.
CREATE OR REPLACE TEMP TABLE import_rows_repeated AS
SELECT min(_row) AS _row, sum(_copies) AS _copies, COLUMNS(* EXCLUDE (_row, _copies))
FROM import_rows_data
WHERE _hash IN (SELECT _hash FROM import_rows_data GROUP BY _hash HAVING count(*) > 1)
GROUP BY ALL;
DELETE FROM import_rows_data WHERE _hash IN (SELECT _hash FROM import_rows_repeated);
INSERT INTO import_rows_data BY NAME SELECT * FROM import_rows_repeated;
DROP TABLE import_rows_repeated;
