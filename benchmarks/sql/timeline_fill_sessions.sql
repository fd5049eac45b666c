-- Benchmark data for benchmarks/timeline_bench.py (sessions; timeline_fill.sql the buckets): $accounts accounts × $days days × 2 sessions of 3 hours
-- (10:00 and 19:00), each with 36 five-minute buckets for the room and two plans (one in 学习期).
-- Values are deterministic functions of the indexes. Grain: sessions and timeline_points filled.
-- Parameters: $accounts, $days.
INSERT INTO sessions (session_id, account, started_at, duration_min, gmv)
SELECT
    'b' || a || '_' || d || '_' || s,
    'acct' || lpad(a::VARCHAR, 4, '0'),
    TIMESTAMP '2026-01-01' + to_days(d) + to_hours(CASE WHEN s = 0 THEN 10 ELSE 19 END),
    180,
    10000
FROM range($accounts) AS ta(a), range($days) AS td(d), range(2) AS ts(s);
