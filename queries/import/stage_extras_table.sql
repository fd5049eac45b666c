-- Staging for the extra figures of valid session rows (one import call). Grain: one row per file per
-- session per field with a value. No parameters.
CREATE OR REPLACE TEMP TABLE import_stage_extras (
    file_idx   INTEGER NOT NULL,
    session_id VARCHAR NOT NULL,
    field      VARCHAR NOT NULL,
    value      DOUBLE NOT NULL
);
