-- Benchmarks (benchmarks/bench_advisor.py): every account with its session count, most first.
-- Grain: one row per account with sessions. No parameters.
SELECT account, count(*) AS sessions
FROM sessions
GROUP BY account
ORDER BY sessions DESC, account;
