-- Staging for the valid rows of timeline files (one import call; created once per connection, so the
-- files of one call stage side by side). Grain: one row per file per account, channel, plan and time.
-- No parameters.
CREATE TEMP TABLE IF NOT EXISTS import_stage_timeline (
    file_idx      INTEGER NOT NULL,
    _row          BIGINT NOT NULL,
    account       VARCHAR NOT NULL,
    channel       VARCHAR NOT NULL,
    plan          VARCHAR NOT NULL,
    form          VARCHAR NOT NULL,
    minutes       DOUBLE NOT NULL,
    ts            TIMESTAMP NOT NULL,
    online        BIGINT,
    viewers_in    BIGINT,
    gmv           DOUBLE,
    orders        BIGINT,
    new_followers BIGINT,
    spend         DOUBLE,
    learning      VARCHAR
);
