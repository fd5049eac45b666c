-- The valid rows of a staged timeline file, for the Import page's preview. Grain: one row per account,
-- channel, plan and time. Parameters: $file_idx.
SELECT
    account, nullif(channel, '') AS channel, nullif(plan, '') AS plan, form, minutes, ts,
    online, viewers_in, gmv, orders, new_followers, spend, learning
FROM import_stage_timeline
WHERE file_idx = $file_idx
ORDER BY account, channel, plan, ts;
