-- import_parsed when no row needs parsing (every data row is known): the columns of
-- import_sessions_parse, no rows. Known rows cannot repeat a session id among themselves (each stored
-- session has one row hash), so nothing is rejected. Grain: none. No parameters.
CREATE OR REPLACE TEMP TABLE import_parsed (
    _row                BIGINT,
    session_id          VARCHAR,
    row_hash            UBIGINT,
    account             VARCHAR,
    started_at          TIMESTAMP,
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
    anchor_id           VARCHAR,
    net_gmv             DOUBLE,
    followers_lost      BIGINT,
    followers_total     BIGINT,
    fans_gmv            DOUBLE,
    fans_buyers         BIGINT,
    errors              STRUCT(col VARCHAR, "value" VARCHAR, reason VARCHAR)[]
);
