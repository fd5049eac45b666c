-- import_rows: the rows of import_rows_data (queries/import/rows.sql) with every canonical column, those the
-- file lacks as a constant NULL (typed as the file's reading types it: import_template_reading, from
-- queries/import/reading_text.sql or reading_typed.sql), so the static SQL of the parse reads any file.
-- A view: the absent columns are never stored. Run right after import/rows. Grain: one row per distinct
-- raw row. No parameters.
CREATE OR REPLACE TEMP VIEW import_rows AS
SELECT * FROM import_rows_data
UNION ALL BY NAME
SELECT * FROM import_template_reading;
