-- Staging for rejected cells (one import call). Grain: one row per file per rejected row per reason.
-- No parameters.
CREATE OR REPLACE TEMP TABLE import_stage_rejects (
    file_idx    INTEGER NOT NULL,
    _row        BIGINT NOT NULL,
    column_name VARCHAR,
    value       VARCHAR,
    reason_key  VARCHAR NOT NULL,
    raw_row     VARCHAR
);
