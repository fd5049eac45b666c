-- Free the temporary table import_raw as soon as the current file no longer needs it (at 1M rows each such
-- table holds hundreds of MB; the write phase and the next file start without it). Grain: none.
-- No parameters.
DROP TABLE IF EXISTS import_raw;
