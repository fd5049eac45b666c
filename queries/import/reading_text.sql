-- The text reading of a file (readers.load_raw: every cell of import_raw is VARCHAR, as written): what
-- the shared parse (queries/import/rows.sql, sessions_parse.sql, spend_cells.sql) calls to turn a cell
-- into a value. Run per file, before import/rows; queries/import/reading_typed.sql defines the same names
-- for a typed reading. Every rule about what a cell means lives in the *_of_raw_fast macros called here.
--   import_template_reading: import_template (every canonical column as text), the shape import_rows
--     gives a column the file lacks;
--   liveroi_read_number(cell): a number (liveroi_number_of_raw_fast), NULL = missing or unparseable;
--   liveroi_read_seconds(cell, plain_unit_s): a duration in seconds (liveroi_seconds_of_raw_fast);
--   liveroi_read_timestamp(cell): a time within 2000–2099 (liveroi_timestamp_of_raw_fast).
-- Grain: none (a view and macros). No parameters.
CREATE OR REPLACE TEMP VIEW import_template_reading AS SELECT * FROM import_template;
CREATE OR REPLACE TEMP MACRO liveroi_read_number(cell) AS (liveroi_number_of_raw_fast(cell));
CREATE OR REPLACE TEMP MACRO liveroi_read_seconds(cell, plain_unit_s) AS (liveroi_seconds_of_raw_fast(cell, plain_unit_s));
CREATE OR REPLACE TEMP MACRO liveroi_read_timestamp(cell) AS (liveroi_timestamp_of_raw_fast(cell));
