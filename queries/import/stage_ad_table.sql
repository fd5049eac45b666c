-- Staging for the valid rows of ad-spend reports (one import call). Grain: one row per file per account,
-- channel, ad object (plan / unit / creative / material, '' where the report has none) and period.
-- No parameters.
CREATE OR REPLACE TEMP TABLE import_stage_ad (
    file_idx     INTEGER NOT NULL,
    _row         BIGINT NOT NULL,
    account      VARCHAR NOT NULL,
    account_id   VARCHAR,
    channel      VARCHAR NOT NULL,
    layout       VARCHAR NOT NULL,
    grain        INTEGER NOT NULL,
    plan         VARCHAR NOT NULL,
    plan_id      VARCHAR NOT NULL,
    unit         VARCHAR NOT NULL,
    unit_id      VARCHAR NOT NULL,
    creative     VARCHAR NOT NULL,
    creative_id  VARCHAR NOT NULL,
    material     VARCHAR NOT NULL,
    material_id  VARCHAR NOT NULL,
    period_start TIMESTAMP NOT NULL,
    period_end   TIMESTAMP NOT NULL,
    spend        DOUBLE NOT NULL,
    ad_gmv       DOUBLE,
    extras       MAP(VARCHAR, DOUBLE)
);
