-- import_checked: the parsed rows of the current file, whatever its kind (here: an ad-spend report).
-- Grain: one row per parsed row. No parameters.
CREATE OR REPLACE TEMP VIEW import_checked AS SELECT _row, errors FROM import_ad_parsed;
