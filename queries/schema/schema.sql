-- Schema version 1: the tables of the data contract (README "The database", docs/architecture.md).
-- Applied once to a new file by liveroi.db.migrate(); later changes go to queries/schema/migrations/NNN_*.sql.
-- Money is CNY (元) as DOUBLE rounded to fen on import; times are naive local time (Beijing) as written.

CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- One row per self-broadcast account of the brand's matrix.
CREATE TABLE IF NOT EXISTS accounts (
    account    VARCHAR PRIMARY KEY,
    platform   VARCHAR,                          -- 'kuaishou' | 'douyin' | NULL when unknown
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- One row per broadcast session; figures as of the latest export imported (platforms revise T+1…T+30).
-- Unique by construction, not by a PRIMARY KEY: see migrations/008_sessions_without_primary_key.sql
-- (version 1 had one; the migration rewrites the table without it).
CREATE TABLE IF NOT EXISTS sessions (
    session_id          VARCHAR PRIMARY KEY,     -- room id as text, or derived from account + start time
    account             VARCHAR NOT NULL,
    started_at          TIMESTAMP NOT NULL,
    ended_at            TIMESTAMP,
    duration_min        DOUBLE,
    shift               VARCHAR,                 -- anchor shift (班次) label when the export has one
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
    ad_gmv              DOUBLE,                  -- platform-attributed GMV (over-credits ads)
    import_id           BIGINT,                  -- the import that last changed this row
    updated_at          TIMESTAMP NOT NULL DEFAULT current_timestamp,
    row_hash            UBIGINT                  -- hash of the export row (and its layout) that last
                                                 -- wrote this row: a re-import skips rows it matches
);

-- Spend per session per paid channel. export_spend comes from a session export's spend_<channel>
-- columns; report_spend/report_ad_gmv from ad-spend reports attached by time overlap. The effective
-- spend is coalesce(report_spend, export_spend): the ad platform's own report wins when both exist.
-- At most one row per (session_id, channel); no row means no spend. Unique by construction, not by a
-- PRIMARY KEY: see migrations/002_session_spend_without_primary_key.sql (this table as version 1 had one).
CREATE TABLE IF NOT EXISTS session_spend (
    session_id    VARCHAR NOT NULL,
    channel       VARCHAR NOT NULL,              -- xiaodiantong, jinniu, fentiao, works_promo, live_promo,
                                                 -- qianchuan, douplus, or an unknown name kept as written
    export_spend  DOUBLE,
    report_spend  DOUBLE,
    report_ad_gmv DOUBLE
);

-- Ad-spend report rows (one per plan per hour or per day), kept as imported. session_id is the session
-- with the largest overlap (NULL = unattributed: stays in daily totals, never dropped).
CREATE TABLE IF NOT EXISTS ad_spend (
    account      VARCHAR NOT NULL,
    channel      VARCHAR NOT NULL,
    plan         VARCHAR NOT NULL DEFAULT '',
    period_start TIMESTAMP NOT NULL,
    period_end   TIMESTAMP NOT NULL,
    spend        DOUBLE NOT NULL,
    ad_gmv       DOUBLE,
    session_id   VARCHAR,
    import_id    BIGINT,
    PRIMARY KEY (account, channel, plan, period_start)
);

-- Per-account settings; the row with account = '*' holds the defaults for every account.
CREATE TABLE IF NOT EXISTS settings (
    account        VARCHAR PRIMARY KEY,
    gross_margin   DOUBLE,                       -- (0, 1]
    refund_rate    DOUBLE,                       -- NULL = estimate from history
    target_roi     DOUBLE,
    budget_cap     DOUBLE,                       -- per broadcast day, CNY; NULL = none
    max_change     DOUBLE,                       -- largest move per channel per broadcast, fraction
    follower_value DOUBLE,                       -- CNY per new follower (私域 repurchase); NULL = suggested
    min_roi        DOUBLE,
    updated_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
);
INSERT INTO settings (account, gross_margin, max_change) VALUES ('*', 0.5, 0.3) ON CONFLICT DO NOTHING;

-- Promo calendar (双11, 618, brand days). account NULL = every account.
CREATE TABLE IF NOT EXISTS promo_days (
    day     DATE NOT NULL,
    name    VARCHAR NOT NULL,
    account VARCHAR
);

CREATE SEQUENCE IF NOT EXISTS import_id_seq START 1;

-- The import log: one row per file per import attempt. status: running | committed | failed | interrupted.
CREATE TABLE IF NOT EXISTS imports (
    import_id    BIGINT PRIMARY KEY DEFAULT nextval('import_id_seq'),
    file_name    VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,               -- sha256 of the file bytes
    kind         VARCHAR,                        -- 'sessions' | 'ad_spend'
    status       VARCHAR NOT NULL,
    started_at   TIMESTAMP NOT NULL DEFAULT current_timestamp,
    finished_at  TIMESTAMP,
    rows_read    BIGINT,
    inserted     BIGINT,
    updated      BIGINT,
    unchanged    BIGINT,
    skipped      BIGINT,
    rejected     BIGINT,
    error        VARCHAR
);

-- What a re-import changed: one row per session per changed field.
CREATE TABLE IF NOT EXISTS import_changes (
    import_id  BIGINT NOT NULL,
    session_id VARCHAR NOT NULL,
    field      VARCHAR NOT NULL,
    old_value  VARCHAR,
    new_value  VARCHAR
);

-- Rows we could not trust: nothing a user gave us is silently thrown away.
CREATE TABLE IF NOT EXISTS rejected_rows (
    import_id  BIGINT NOT NULL,
    file_name  VARCHAR NOT NULL,
    row_number BIGINT NOT NULL,                  -- as the user sees it in Excel (1-based, header included)
    column_name VARCHAR,                         -- the header as written in the file
    value      VARCHAR,
    reason_key VARCHAR NOT NULL,                 -- translation key, e.g. 'reject.negative'
    reason     VARCHAR NOT NULL,                 -- the reason in the user's language at import time
    raw_row    VARCHAR                           -- the whole row as JSON, so it can be fixed and re-imported
);
