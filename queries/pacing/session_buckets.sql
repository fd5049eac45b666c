-- The timeline of one session of an account, every target, in time order: what `pace` judges and what
-- the Sessions page draws. The account filter is what DuckDB pushes through the view's windows (every
-- window of session_timeline is partitioned by account), so only that account's timeline is read.
-- Grain: one row per bucket per target. Parameters: $account, $session_id.
SELECT
    account, session_id, bucket_start, bucket_minutes, online, viewers_in, gmv, orders, new_followers,
    spend, cum_spend, cum_gmv, cum_roi, level, channel, plan, learning_status
FROM session_timeline
WHERE account = $account AND session_id = $session_id
ORDER BY level, channel, plan, bucket_start;
