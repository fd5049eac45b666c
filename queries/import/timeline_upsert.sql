-- Write file $file_idx's staged timeline rows: new keys inserted, known keys updated — a missing cell never
-- erases a stored value. Grain: one row per account, channel, plan, form, bucket length and time.
-- Parameters: $file_idx, $import_id.
INSERT INTO timeline_points (
    account, channel, plan, form, minutes, ts,
    online, viewers_in, gmv, orders, new_followers, spend, learning, import_id
)
SELECT
    account, channel, plan, form, minutes, ts,
    online, viewers_in, gmv, orders, new_followers, spend, learning, $import_id
FROM import_stage_timeline
WHERE file_idx = $file_idx
ON CONFLICT (account, channel, plan, form, minutes, ts) DO UPDATE SET
    online        = coalesce(excluded.online, online),
    viewers_in    = coalesce(excluded.viewers_in, viewers_in),
    gmv           = coalesce(excluded.gmv, gmv),
    orders        = coalesce(excluded.orders, orders),
    new_followers = coalesce(excluded.new_followers, new_followers),
    spend         = coalesce(excluded.spend, spend),
    learning      = coalesce(excluded.learning, learning),
    import_id     = excluded.import_id;
