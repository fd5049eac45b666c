-- One session's timeline, every target, for the Sessions page. Grain: one row per bucket per target.
-- Parameters: $session_id.
SELECT
    account, session_id, bucket_start, bucket_minutes, online, viewers_in, gmv, orders, new_followers,
    spend, cum_spend, cum_gmv, cum_roi, level, channel, plan, learning_status
FROM session_timeline
WHERE session_id = $session_id
ORDER BY level, channel, plan, bucket_start;
