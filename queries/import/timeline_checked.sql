-- import_checked: the parsed rows of the current file, whatever its kind (here: a timeline file).
-- Grain: one row per parsed row. No parameters.
CREATE OR REPLACE TEMP VIEW import_checked AS SELECT _row, errors FROM import_timeline_parsed;
