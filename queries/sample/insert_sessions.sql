-- The sample brand's sessions. Grain: one row per session. Reads the registered frame sample_sessions.
INSERT INTO sessions (
    session_id, account, started_at, ended_at, duration_min, shift, impressions, viewers, views,
    peak_online, avg_watch_s, new_followers, product_impressions, product_clicks, orders, buyers,
    gmv, refunds, ad_gmv, followers_total, fans_gmv
)
SELECT
    session_id, account, started_at, ended_at, duration_min, shift, impressions, viewers, views,
    peak_online, avg_watch_s, new_followers, product_impressions, product_clicks, orders, buyers,
    gmv, refunds, ad_gmv, followers_total, fans_gmv
FROM sample_sessions
