-- Schema version 2: session_spend loses its PRIMARY KEY (session_id, channel), and rows that hold no
-- spend are dropped.
-- Why: DuckDB maintains a primary key as an ART index row by row on insert and writes it whole at commit;
-- it does not spill, so importing a 1M-session export (millions of spend rows) failed at commit under the
-- importer's 1 GB memory cap, and cost most of the import's time (8M rows: 36.7 s with the key, 2.2 s
-- without — benchmarks/RESULTS.md). Uniqueness of (session_id, channel) is kept by the only writers, in
-- one write transaction at a time: the importer (UPDATE, then INSERT of the pairs not stored — an
-- anti-join), the ad-spend attachment (the same) and the sample writer (into empty tables); tests check it.
-- A missing (session, channel) row means no spend, as a 0 does (session_channel_spend); a session
-- export's 0 for a channel it never used is no longer stored.
-- Grain: the whole table, rewritten. No parameters.
CREATE TABLE session_spend_v2 (
    session_id    VARCHAR NOT NULL,
    channel       VARCHAR NOT NULL,
    export_spend  DOUBLE,
    report_spend  DOUBLE,
    report_ad_gmv DOUBLE
);
INSERT INTO session_spend_v2
SELECT session_id, channel, export_spend, report_spend, report_ad_gmv
FROM session_spend
WHERE coalesce(export_spend, 0) <> 0 OR report_spend IS NOT NULL OR report_ad_gmv IS NOT NULL
ORDER BY session_id, channel;
DROP TABLE session_spend;
ALTER TABLE session_spend_v2 RENAME TO session_spend;
