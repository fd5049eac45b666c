-- Stage the valid rows of import_parsed for file $file_idx. Grain: one row per session.
-- Parameters: $file_idx.
INSERT INTO import_stage_sessions
SELECT
    $file_idx, _row, session_id, account, started_at, ended_at, duration_min, shift, impressions, viewers,
    views, peak_online, avg_watch_s, new_followers, product_impressions, product_clicks, orders, buyers,
    gmv, refunds, ad_gmv, anchor_id, net_gmv, followers_lost, followers_total, fans_gmv,
    fans_buyers, row_hash
FROM import_parsed
WHERE len(errors) = 0;
