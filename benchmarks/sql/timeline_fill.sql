-- Benchmark data for benchmarks/timeline_bench.py (buckets; timeline_fill_sessions.sql the sessions):
-- $accounts accounts × $days days × 2 sessions × 36 five-minute buckets for the room and two plans (one
-- in 学习期). Grain: timeline_points filled. Parameters: $accounts, $days.
INSERT INTO timeline_points (account, channel, plan, form, minutes, ts, online, viewers_in, gmv, orders,
                             new_followers, spend, learning)
SELECT
    'acct' || lpad(a::VARCHAR, 4, '0'),
    CASE WHEN p = 0 THEN '' ELSE 'qianchuan' END,
    CASE WHEN p = 0 THEN '' ELSE 'plan' || p END,
    'bucket',
    5,
    TIMESTAMP '2026-01-01' + to_days(d) + to_hours(CASE WHEN s = 0 THEN 10 ELSE 19 END) + to_minutes(5 * b),
    100 + (a + b) % 50,
    200 + b % 7,
    300 + 40 * ((a + d + b) % 5),
    3 + b % 4,
    2 + b % 3,
    200 - 50 * (p > 0)::INT,
    CASE WHEN p = 1 THEN 'learning' WHEN p = 2 THEN 'learned' END
FROM range($accounts) AS ta(a), range($days) AS td(d), range(2) AS ts(s), range(3) AS tp(p), range(36) AS tb(b);
