-- Staging for the valid session rows of every file of one import call (written per file later).
-- Grain: one row per file per session. No parameters.
CREATE OR REPLACE TEMP TABLE import_stage_sessions (
    file_idx            INTEGER NOT NULL,
    _row                BIGINT NOT NULL,
    session_id          VARCHAR NOT NULL,
    account             VARCHAR NOT NULL,
    started_at          TIMESTAMP NOT NULL,
    ended_at            TIMESTAMP,
    duration_min        DOUBLE,
    shift               VARCHAR,
    impressions         BIGINT,
    viewers             BIGINT,
    views               BIGINT,
    peak_online         BIGINT,
    avg_watch_s         DOUBLE,
    new_followers       BIGINT,
    product_impressions BIGINT,
    product_clicks      BIGINT,
    orders              BIGINT,
    buyers              BIGINT,
    gmv                 DOUBLE,
    refunds             DOUBLE,
    ad_gmv              DOUBLE,
    row_hash            UBIGINT
);
