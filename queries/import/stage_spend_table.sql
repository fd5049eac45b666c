-- Staging for the export spend of valid session rows (one import call). Grain: one row per file per
-- session per channel. No parameters.
CREATE OR REPLACE TEMP TABLE import_stage_spend (
    file_idx     INTEGER NOT NULL,
    session_id   VARCHAR NOT NULL,
    channel      VARCHAR NOT NULL,
    export_spend DOUBLE NOT NULL
);
