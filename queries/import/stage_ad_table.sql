-- Staging for the valid rows of ad-spend reports (one import call). Grain: one row per file per account,
-- channel, plan and period. No parameters.
CREATE OR REPLACE TEMP TABLE import_stage_ad (
    file_idx     INTEGER NOT NULL,
    _row         BIGINT NOT NULL,
    account      VARCHAR NOT NULL,
    channel      VARCHAR NOT NULL,
    plan         VARCHAR NOT NULL,
    period_start TIMESTAMP NOT NULL,
    period_end   TIMESTAMP NOT NULL,
    spend        DOUBLE NOT NULL,
    ad_gmv       DOUBLE
);
