-- Write the sessions of file $file_idx that are new or changed (import_diff); unchanged rows are not
-- touched. A missing incoming value keeps the stored one. Grain: one row per session written.
-- Parameters: $file_idx, $import_id.
INSERT INTO sessions (session_id, account, started_at, ended_at, duration_min, shift, impressions, viewers, views, peak_online, avg_watch_s, new_followers, product_impressions, product_clicks, orders, buyers, gmv, refunds, ad_gmv, import_id, updated_at)
SELECT session_id, account, started_at, ended_at, duration_min, shift, impressions, viewers, views, peak_online, avg_watch_s, new_followers, product_impressions, product_clicks, orders, buyers, gmv, refunds, ad_gmv, $import_id, current_localtimestamp()
FROM import_stage_sessions AS n
WHERE n.file_idx = $file_idx
  AND (
      n.session_id NOT IN (SELECT session_id FROM sessions)
      OR n.session_id IN (SELECT session_id FROM import_diff)
  )
ON CONFLICT (session_id) DO UPDATE SET
    account = coalesce(EXCLUDED.account, sessions.account),
    started_at = coalesce(EXCLUDED.started_at, sessions.started_at),
    ended_at = coalesce(EXCLUDED.ended_at, sessions.ended_at),
    duration_min = coalesce(EXCLUDED.duration_min, sessions.duration_min),
    shift = coalesce(EXCLUDED.shift, sessions.shift),
    impressions = coalesce(EXCLUDED.impressions, sessions.impressions),
    viewers = coalesce(EXCLUDED.viewers, sessions.viewers),
    views = coalesce(EXCLUDED.views, sessions.views),
    peak_online = coalesce(EXCLUDED.peak_online, sessions.peak_online),
    avg_watch_s = coalesce(EXCLUDED.avg_watch_s, sessions.avg_watch_s),
    new_followers = coalesce(EXCLUDED.new_followers, sessions.new_followers),
    product_impressions = coalesce(EXCLUDED.product_impressions, sessions.product_impressions),
    product_clicks = coalesce(EXCLUDED.product_clicks, sessions.product_clicks),
    orders = coalesce(EXCLUDED.orders, sessions.orders),
    buyers = coalesce(EXCLUDED.buyers, sessions.buyers),
    gmv = coalesce(EXCLUDED.gmv, sessions.gmv),
    refunds = coalesce(EXCLUDED.refunds, sessions.refunds),
    ad_gmv = coalesce(EXCLUDED.ad_gmv, sessions.ad_gmv),
    import_id = EXCLUDED.import_id,
    updated_at = EXCLUDED.updated_at;
