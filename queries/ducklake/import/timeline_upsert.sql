-- DuckLake version of import/timeline_upsert (MERGE INTO: no primary key): write file $file_idx's staged
-- timeline rows — new keys inserted, known keys updated; a missing cell never erases a stored value.
-- Grain: one row per account, channel, plan, form, bucket length and time. Parameters: $file_idx, $import_id.
MERGE INTO timeline_points AS t
USING (
    SELECT
        account, channel, plan, form, minutes, ts,
        online, viewers_in, gmv, orders, new_followers, spend, learning
    FROM import_stage_timeline
    WHERE file_idx = $file_idx
) AS n
ON t.account = n.account AND t.channel = n.channel AND t.plan = n.plan AND t.form = n.form
    AND t.minutes = n.minutes AND t.ts = n.ts
WHEN MATCHED THEN UPDATE SET
    online        = coalesce(n.online, t.online),
    viewers_in    = coalesce(n.viewers_in, t.viewers_in),
    gmv           = coalesce(n.gmv, t.gmv),
    orders        = coalesce(n.orders, t.orders),
    new_followers = coalesce(n.new_followers, t.new_followers),
    spend         = coalesce(n.spend, t.spend),
    learning      = coalesce(n.learning, t.learning),
    import_id     = $import_id
WHEN NOT MATCHED THEN INSERT (
    account, channel, plan, form, minutes, ts,
    online, viewers_in, gmv, orders, new_followers, spend, learning, import_id
) VALUES (
    n.account, n.channel, n.plan, n.form, n.minutes, n.ts,
    n.online, n.viewers_in, n.gmv, n.orders, n.new_followers, n.spend, n.learning, $import_id
);
