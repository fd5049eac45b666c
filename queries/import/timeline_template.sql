-- An empty table with the timeline columns that import_template lacks, as text: the timeline parse unions
-- it BY NAME with import_rows so that a column the file does not have is simply NULL.
-- Grain: no rows. No parameters.
CREATE OR REPLACE TEMP TABLE import_timeline_template (
    bucket_time VARCHAR,
    bucket_end  VARCHAR,
    online      VARCHAR,
    viewers_in  VARCHAR,
    learning    VARCHAR
);
