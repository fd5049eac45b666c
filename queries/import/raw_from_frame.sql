-- The data rows of an XLSX sheet (registered by Python as the DataFrame import_frame, all text) into the
-- temp table import_raw. Grain: one row per sheet row below the header, in order. No parameters.
CREATE OR REPLACE TEMP TABLE import_raw AS
SELECT * FROM import_frame;
