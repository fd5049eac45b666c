-- Insert the sessions of file $file_idx that are not stored yet (an anti-join, so new rows never take the
-- slower ON CONFLICT path). Written as ANTI JOIN, not NOT EXISTS: DuckDB decorrelates a NOT EXISTS through a
-- DISTINCT of every staged id first, which cost more than the insert itself at 1M rows. Session ids are unique among a file's staged rows (repeats are rejected).
-- Grain: one row per new session. Parameters: $file_idx, $import_id.
INSERT INTO sessions (
    session_id, account, started_at, ended_at, duration_min, shift, impressions, viewers, views, peak_online, avg_watch_s, new_followers, product_impressions, product_clicks, orders, buyers, gmv, refunds, ad_gmv, anchor_id, net_gmv, followers_lost, followers_total, fans_gmv, fans_buyers,
    import_id, updated_at, row_hash
)
SELECT
    n.session_id, n.account, n.started_at, n.ended_at, n.duration_min, n.shift, n.impressions, n.viewers, n.views, n.peak_online, n.avg_watch_s, n.new_followers, n.product_impressions, n.product_clicks, n.orders, n.buyers, n.gmv, n.refunds, n.ad_gmv, n.anchor_id, n.net_gmv, n.followers_lost, n.followers_total, n.fans_gmv, n.fans_buyers,
    $import_id, current_localtimestamp(), n.row_hash
FROM import_stage_sessions AS n
ANTI JOIN sessions AS s ON s.session_id = n.session_id
WHERE n.file_idx = $file_idx;
