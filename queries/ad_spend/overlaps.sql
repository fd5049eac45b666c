-- How each ad row of the given accounts overlaps that account's sessions in time, and the share of its
-- spend and ad GMV each overlapping session gets: share = overlap seconds / all overlap seconds of the
-- ad row (so an ad row that touches any session is attributed whole, split by overlap). A session ends at
-- ended_at, else started_at + duration_min; one with neither overlaps nothing.
-- Rows another report supersedes (superseded_by, queries/ad_spend/precedence.sql) are not attributed.
-- Grain: one row per ad row (ad_rowid = its ad_spend rowid) per overlapping session. Parameters: $accounts (list of account names).
CREATE OR REPLACE TEMP TABLE ad_overlaps AS
WITH s AS (
    SELECT
        session_id,
        account,
        started_at AS s0,
        coalesce(ended_at, started_at + to_microseconds(CAST(duration_min * 60e6 AS BIGINT))) AS s1
    FROM sessions
    WHERE account IN (SELECT unnest($accounts))
),
a AS (
    SELECT rowid AS ad_rowid, * FROM ad_spend
    WHERE account IN (SELECT unnest($accounts)) AND superseded_by IS NULL
),
o AS (
    SELECT
        a.ad_rowid, a.account, a.channel, a.period_start, a.spend, a.ad_gmv, s.session_id,
        epoch(least(a.period_end, s.s1)) - epoch(greatest(a.period_start, s.s0)) AS overlap_s
    FROM a
    JOIN s ON s.account = a.account AND s.s0 < a.period_end AND s.s1 > a.period_start
)
SELECT
    *,
    spend * overlap_s / sum(overlap_s) OVER ad_row AS spend_share,
    ad_gmv * overlap_s / sum(overlap_s) OVER ad_row AS ad_gmv_share
FROM o
WHERE overlap_s > 0
WINDOW ad_row AS (PARTITION BY ad_rowid);
