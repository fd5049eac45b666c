-- Free the temporary table behind import_rows as soon as the current file no longer needs it (at 1M rows
-- each such table holds hundreds of MB; the write phase and the next file start without it). Grain: none.
-- No parameters.
DROP VIEW IF EXISTS import_rows;
DROP TABLE IF EXISTS import_rows_data;
