-- The broadcast timeline: one row per time bucket per target (the whole room, a channel or a plan),
-- attached to the account's session by time. The contract is documented in README.md.
--
-- Sources (table timeline_points):
--  * 'bucket' rows carry the flows of one bucket [at, at + minutes) as the file gave them.
--  * 'cumulative' rows are snapshots of running totals (直播大屏 累计): they are DIFFERENCED, never summed.
--    Per account and target, in time order, a snapshot's flow is its value minus the previous snapshot's
--    (the last one that had the metric). A new run — the flow is the value itself — starts at the first
--    snapshot, after a gap of more than 3 snapshot steps (step = the median interval between snapshots),
--    or when any running total goes down (the board restarted for a new broadcast). A snapshot's bucket
--    is [previous snapshot, snapshot), or [snapshot − step, snapshot) when it opens a run. online is a
--    level (viewers online at that moment) and is never differenced.
-- Attachment: a bucket belongs to the account's session in which it starts (started_at ≤ bucket_start <
-- ended_at, ended_at derived from the duration when missing), a differenced snapshot to the session in
-- which the snapshot was taken (started_at ≤ snapshot ≤ ended_at: a session made from the snapshots
-- themselves starts at the first scrape and ends at the last) — of the account's sessions, the latest
-- one started by then.
-- A bucket outside every session is kept with session_id NULL.
-- One source per target and session (no double counting): when several files describe the same target
-- of the same session (a 5-minute file and an hourly one, or a cumulative one), the per-bucket source with
-- the shortest buckets is kept, a cumulative source only when no per-bucket one exists. Outside sessions the
-- same choice is made per day.
-- cum_spend / cum_gmv run over the session (or the day, outside sessions) per target (NULL until the
-- source has given one); cum_roi = cum_gmv / cum_spend (NULL without spend or without GMV, e.g. a
-- channel's spend-only rows). Nothing here feeds session_metrics or daily_metrics.
CREATE OR REPLACE VIEW session_timeline AS
WITH snapshots AS (
    SELECT
        *,
        lag(ts) OVER w AS prev_at,
        lag(viewers_in IGNORE NULLS) OVER w AS prev_viewers_in,
        lag(gmv IGNORE NULLS) OVER w AS prev_gmv,
        lag(orders IGNORE NULLS) OVER w AS prev_orders,
        lag(new_followers IGNORE NULLS) OVER w AS prev_new_followers,
        lag(spend IGNORE NULLS) OVER w AS prev_spend
    FROM timeline_points
    WHERE form = 'cumulative'
    WINDOW w AS (PARTITION BY account, channel, plan ORDER BY ts)
),
steps AS (
    SELECT
        account, channel, plan,
        coalesce(median(date_diff('second', prev_at, ts)) / 60.0, 5.0) AS step_min
    FROM snapshots
    GROUP BY account, channel, plan
),
flagged AS (
    SELECT
        snapshots.*,
        steps.step_min,
        coalesce(
            prev_at IS NULL
            OR date_diff('second', prev_at, ts) > 3 * steps.step_min * 60
            OR viewers_in < prev_viewers_in
            OR gmv < prev_gmv
            OR orders < prev_orders
            OR new_followers < prev_new_followers
            OR spend < prev_spend,
            false
        ) AS new_run
    FROM snapshots
    JOIN steps USING (account, channel, plan)
),
differenced AS (
    SELECT
        account, channel, plan, 'cumulative' AS form, 0.0 AS source_minutes, learning, import_id,
        CASE WHEN new_run THEN ts - to_microseconds(CAST(step_min * 60e6 AS BIGINT)) ELSE prev_at END
            AS bucket_start,
        CASE WHEN new_run THEN step_min ELSE date_diff('second', prev_at, ts) / 60.0 END AS bucket_minutes,
        online,
        viewers_in - CASE WHEN new_run THEN 0 ELSE coalesce(prev_viewers_in, 0) END AS viewers_in,
        gmv - CASE WHEN new_run THEN 0 ELSE coalesce(prev_gmv, 0) END AS gmv,
        orders - CASE WHEN new_run THEN 0 ELSE coalesce(prev_orders, 0) END AS orders,
        new_followers - CASE WHEN new_run THEN 0 ELSE coalesce(prev_new_followers, 0) END AS new_followers,
        round(spend - CASE WHEN new_run THEN 0 ELSE coalesce(prev_spend, 0) END, 2) AS spend
    FROM flagged
),
buckets AS (
    SELECT
        account, channel, plan, form, minutes AS source_minutes, learning, import_id,
        ts AS bucket_start, minutes AS bucket_minutes,
        online, viewers_in, gmv, orders, new_followers, spend
    FROM timeline_points
    WHERE form = 'bucket'
    UNION ALL BY NAME
    SELECT * FROM differenced
),
session_spans AS (
    SELECT
        session_id,
        account,
        started_at,
        coalesce(ended_at, started_at + to_microseconds(CAST(coalesce(duration_min, 0) * 60e6 AS BIGINT)))
            AS ended_at
    FROM sessions
),
timed AS (
    SELECT
        *,
        CASE WHEN form = 'cumulative'  -- a snapshot belongs to the session it was taken in
            THEN bucket_start + to_microseconds(CAST(bucket_minutes * 60e6 AS BIGINT))
            ELSE bucket_start
        END AS attach_at
    FROM buckets
),
attached AS (
    -- the account's latest session started at or before the bucket, if the bucket is inside it
    -- (ASOF: one sorted pass instead of comparing every bucket with every session of the account)
    SELECT
        b.* EXCLUDE (attach_at),
        CASE
            WHEN b.attach_at < s.ended_at OR (b.form = 'cumulative' AND b.attach_at = s.ended_at)
                THEN s.session_id
        END AS session_id
    FROM timed AS b
    ASOF LEFT JOIN session_spans AS s ON s.account = b.account AND b.attach_at >= s.started_at
),
ranked AS (
    SELECT
        *,
        coalesce(session_id, strftime(bucket_start, '%Y-%m-%d')) AS span_key,
        dense_rank() OVER (
            PARTITION BY account, channel, plan, coalesce(session_id, strftime(bucket_start, '%Y-%m-%d'))
            ORDER BY form <> 'bucket', source_minutes
        ) AS source_rank
    FROM attached
),
chosen AS (
    SELECT * FROM ranked WHERE source_rank = 1
)
SELECT
    account,
    session_id,
    bucket_start,
    bucket_minutes,
    online,
    viewers_in,
    gmv,
    orders,
    new_followers,
    spend,
    round(sum(spend) OVER w, 2) AS cum_spend,
    round(sum(gmv) OVER w, 2) AS cum_gmv,
    sum(gmv) OVER w / nullif(sum(spend) OVER w, 0) AS cum_roi,
    CASE WHEN plan <> '' THEN 'plan' WHEN channel <> '' THEN 'channel' ELSE 'room' END AS level,
    nullif(channel, '') AS channel,
    nullif(plan, '') AS plan,
    learning AS learning_status,
    form AS source,
    import_id
FROM chosen
WINDOW w AS (PARTITION BY account, channel, plan, span_key ORDER BY bucket_start ROWS UNBOUNDED PRECEDING);
