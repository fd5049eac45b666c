-- import_extra_cells for a session list without extra columns: the same columns, no rows.
-- Grain: none. No parameters.
CREATE OR REPLACE TEMP TABLE import_extra_cells (
    _row         BIGINT,
    extra_column VARCHAR,
    field        VARCHAR,
    extra_text   VARCHAR,
    value        DOUBLE
);
