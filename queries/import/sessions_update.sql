-- Update the stored sessions that file $file_idx changes (import_diff): a missing incoming value keeps the
-- stored one. Also records the row hash of every stored session the file parsed, changed or not, so that
-- its next re-import knows the row (import_known) without parsing it; import_id and updated_at move only
-- when a figure changed. Run before import_sessions_insert. Grain: one row per stored session written.
-- Parameters: $file_idx, $import_id.
UPDATE sessions AS s
SET
    account = coalesce(n.account, s.account),
    started_at = coalesce(n.started_at, s.started_at),
    ended_at = coalesce(n.ended_at, s.ended_at),
    duration_min = coalesce(n.duration_min, s.duration_min),
    shift = coalesce(n.shift, s.shift),
    impressions = coalesce(n.impressions, s.impressions),
    viewers = coalesce(n.viewers, s.viewers),
    views = coalesce(n.views, s.views),
    peak_online = coalesce(n.peak_online, s.peak_online),
    avg_watch_s = coalesce(n.avg_watch_s, s.avg_watch_s),
    new_followers = coalesce(n.new_followers, s.new_followers),
    product_impressions = coalesce(n.product_impressions, s.product_impressions),
    product_clicks = coalesce(n.product_clicks, s.product_clicks),
    orders = coalesce(n.orders, s.orders),
    buyers = coalesce(n.buyers, s.buyers),
    gmv = coalesce(n.gmv, s.gmv),
    refunds = coalesce(n.refunds, s.refunds),
    ad_gmv = coalesce(n.ad_gmv, s.ad_gmv),
    anchor_id = coalesce(n.anchor_id, s.anchor_id),
    net_gmv = coalesce(n.net_gmv, s.net_gmv),
    followers_lost = coalesce(n.followers_lost, s.followers_lost),
    followers_total = coalesce(n.followers_total, s.followers_total),
    fans_gmv = coalesce(n.fans_gmv, s.fans_gmv),
    fans_buyers = coalesce(n.fans_buyers, s.fans_buyers),
    import_id = CASE WHEN n.changed THEN $import_id ELSE s.import_id END,
    updated_at = CASE WHEN n.changed THEN current_localtimestamp() ELSE s.updated_at END,
    row_hash = n.row_hash
FROM (
    SELECT i.*, i.session_id IN (SELECT session_id FROM import_diff) AS changed
    FROM import_stage_sessions AS i
    WHERE i.file_idx = $file_idx
) AS n
WHERE s.session_id = n.session_id
  AND (n.changed OR s.row_hash IS DISTINCT FROM n.row_hash);
