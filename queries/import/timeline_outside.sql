-- The staged timeline rows of file $file_idx that fall in no session of their account, per account: a
-- bucket by its start (started_at <= start < end), a snapshot by its time (started_at <= time <= end). They are stored all the same; this is what the import reports.
-- Grain: one row per account with such rows. Parameters: $file_idx.
WITH spans AS (
    SELECT
        account,
        started_at,
        coalesce(ended_at, started_at + to_microseconds(CAST(coalesce(duration_min, 0) * 60e6 AS BIGINT)))
            AS ended_at
    FROM sessions
),
staged AS (
    SELECT DISTINCT account, form, ts FROM import_stage_timeline WHERE file_idx = $file_idx
),
outside AS (
    SELECT s.account, s.ts
    FROM staged AS s
    WHERE NOT EXISTS (
        SELECT 1 FROM spans AS p
        WHERE p.account = s.account
          AND CASE WHEN s.form = 'cumulative'
                   THEN s.ts >= p.started_at AND s.ts <= p.ended_at
                   ELSE s.ts >= p.started_at AND s.ts < p.ended_at END
    )
)
SELECT account, count(*) AS buckets, min(ts) AS first_at, max(ts) AS last_at
FROM outside
GROUP BY account
ORDER BY account;
