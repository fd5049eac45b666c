-- Schema version 8: sessions loses its PRIMARY KEY (session_id), as session_spend did in version 2.
-- Why: DuckDB keeps a primary key as an ART index, built row by row on insert and written whole at
-- commit. Importing 1M sessions into a fresh file spent ~1.1 s of ~6 s on it (the insert 1.06 → 0.49 s,
-- the commit's checkpoint 0.61 → 0.06 s; benchmarks/RESULTS.md, issue 16's import throughput). Nothing
-- reads through the index: no writer uses ON CONFLICT on sessions, and a point lookup of one session is a
-- scan of one column. Uniqueness of session_id is kept by the only writers, one write transaction at a
-- time: the importer (a file's repeated session ids are rejected; stored sessions are UPDATEd, new ones
-- INSERTed by anti-join — queries/import/sessions_update.sql, sessions_insert.sql) and the sample writer
-- (into an empty table); tests check it through repeated imports. A DuckLake never had the key (DuckLake
-- has no constraints, liveroi.lake.adapt_ddl), so both back-ends now hold the table the same way.
-- NOT NULL and the updated_at default are kept; the columns keep their order (version 1, then 4 and 6).
-- Grain: the whole table, rewritten. No parameters.
CREATE TABLE sessions_v8 (
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
    import_id           BIGINT,
    updated_at          TIMESTAMP NOT NULL DEFAULT current_timestamp,
    row_hash            UBIGINT,
    anchor_id           VARCHAR,
    net_gmv             DOUBLE,
    followers_lost      BIGINT,
    followers_total     BIGINT,
    fans_gmv            DOUBLE,
    fans_buyers         BIGINT
);
INSERT INTO sessions_v8
SELECT
    session_id, account, started_at, ended_at, duration_min, shift, impressions, viewers, views, peak_online,
    avg_watch_s, new_followers, product_impressions, product_clicks, orders, buyers, gmv, refunds, ad_gmv,
    import_id, updated_at, row_hash, anchor_id, net_gmv, followers_lost, followers_total, fans_gmv, fans_buyers
FROM sessions
ORDER BY account, started_at;
DROP TABLE sessions;
ALTER TABLE sessions_v8 RENAME TO sessions;
