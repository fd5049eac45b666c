-- Benchmarks (benchmarks/bench_queries.py): realistic parameters for the page queries — the latest
-- broadcast day, the account with the most sessions, and one of its sessions on that day or before.
-- Grain: one row. No parameters.
WITH latest AS (
    SELECT max(CAST(started_at AS DATE)) AS latest_day FROM sessions
),
biggest AS (
    SELECT account, count(*) AS sessions
    FROM sessions
    GROUP BY account
    ORDER BY sessions DESC, account
    LIMIT 1
)
SELECT
    l.latest_day,
    b.account,
    b.sessions,
    (SELECT max_by(s.session_id, s.started_at) FROM sessions AS s WHERE s.account = b.account) AS session_id
FROM latest AS l, biggest AS b;
