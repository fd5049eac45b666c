-- An account's timeline buckets that belong to no session, from $since on (the day of its latest bucket):
-- a broadcast still live has no session export yet. Grain: one row per bucket per target.
-- Parameters: $account, $since.
SELECT
    account, session_id, bucket_start, bucket_minutes, online, viewers_in, gmv, orders, new_followers,
    spend, cum_spend, cum_gmv, cum_roi, level, channel, plan, learning_status
FROM session_timeline
WHERE account = $account AND session_id IS NULL AND bucket_start >= $since
ORDER BY level, channel, plan, bucket_start;
