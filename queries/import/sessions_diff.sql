-- What file $file_idx would change in sessions that already exist: one row per session per changed field
-- (old and new as text). A missing value (a column absent from the file, or an empty/'-' cell) never erases
-- a stored one, so "new" is coalesce(new, old). Export spend per channel is compared the same way
-- (field 'spend_<channel>'; no stored row is a spend of 0, so a 0 for a channel never used is no change).
-- Grain: one row per existing session per changed field. Parameters: $file_idx.
CREATE OR REPLACE TEMP TABLE import_diff AS
WITH incoming AS (
    SELECT * FROM import_stage_sessions WHERE file_idx = $file_idx
),
fields AS (
    SELECT
        n.session_id,
        unnest([
            {'field': 'account', 'old': CAST(o.account AS VARCHAR), 'new': CAST(coalesce(n.account, o.account) AS VARCHAR)},
            {'field': 'started_at', 'old': CAST(o.started_at AS VARCHAR), 'new': CAST(coalesce(n.started_at, o.started_at) AS VARCHAR)},
            {'field': 'ended_at', 'old': CAST(o.ended_at AS VARCHAR), 'new': CAST(coalesce(n.ended_at, o.ended_at) AS VARCHAR)},
            {'field': 'duration_min', 'old': CAST(o.duration_min AS VARCHAR), 'new': CAST(coalesce(n.duration_min, o.duration_min) AS VARCHAR)},
            {'field': 'shift', 'old': CAST(o.shift AS VARCHAR), 'new': CAST(coalesce(n.shift, o.shift) AS VARCHAR)},
            {'field': 'impressions', 'old': CAST(o.impressions AS VARCHAR), 'new': CAST(coalesce(n.impressions, o.impressions) AS VARCHAR)},
            {'field': 'viewers', 'old': CAST(o.viewers AS VARCHAR), 'new': CAST(coalesce(n.viewers, o.viewers) AS VARCHAR)},
            {'field': 'views', 'old': CAST(o.views AS VARCHAR), 'new': CAST(coalesce(n.views, o.views) AS VARCHAR)},
            {'field': 'peak_online', 'old': CAST(o.peak_online AS VARCHAR), 'new': CAST(coalesce(n.peak_online, o.peak_online) AS VARCHAR)},
            {'field': 'avg_watch_s', 'old': CAST(o.avg_watch_s AS VARCHAR), 'new': CAST(coalesce(n.avg_watch_s, o.avg_watch_s) AS VARCHAR)},
            {'field': 'new_followers', 'old': CAST(o.new_followers AS VARCHAR), 'new': CAST(coalesce(n.new_followers, o.new_followers) AS VARCHAR)},
            {'field': 'product_impressions', 'old': CAST(o.product_impressions AS VARCHAR), 'new': CAST(coalesce(n.product_impressions, o.product_impressions) AS VARCHAR)},
            {'field': 'product_clicks', 'old': CAST(o.product_clicks AS VARCHAR), 'new': CAST(coalesce(n.product_clicks, o.product_clicks) AS VARCHAR)},
            {'field': 'orders', 'old': CAST(o.orders AS VARCHAR), 'new': CAST(coalesce(n.orders, o.orders) AS VARCHAR)},
            {'field': 'buyers', 'old': CAST(o.buyers AS VARCHAR), 'new': CAST(coalesce(n.buyers, o.buyers) AS VARCHAR)},
            {'field': 'gmv', 'old': CAST(o.gmv AS VARCHAR), 'new': CAST(coalesce(n.gmv, o.gmv) AS VARCHAR)},
            {'field': 'refunds', 'old': CAST(o.refunds AS VARCHAR), 'new': CAST(coalesce(n.refunds, o.refunds) AS VARCHAR)},
            {'field': 'ad_gmv', 'old': CAST(o.ad_gmv AS VARCHAR), 'new': CAST(coalesce(n.ad_gmv, o.ad_gmv) AS VARCHAR)},
            {'field': 'anchor_id', 'old': CAST(o.anchor_id AS VARCHAR), 'new': CAST(coalesce(n.anchor_id, o.anchor_id) AS VARCHAR)},
            {'field': 'net_gmv', 'old': CAST(o.net_gmv AS VARCHAR), 'new': CAST(coalesce(n.net_gmv, o.net_gmv) AS VARCHAR)},
            {'field': 'followers_lost', 'old': CAST(o.followers_lost AS VARCHAR), 'new': CAST(coalesce(n.followers_lost, o.followers_lost) AS VARCHAR)},
            {'field': 'followers_total', 'old': CAST(o.followers_total AS VARCHAR), 'new': CAST(coalesce(n.followers_total, o.followers_total) AS VARCHAR)},
            {'field': 'fans_gmv', 'old': CAST(o.fans_gmv AS VARCHAR), 'new': CAST(coalesce(n.fans_gmv, o.fans_gmv) AS VARCHAR)},
            {'field': 'fans_buyers', 'old': CAST(o.fans_buyers AS VARCHAR), 'new': CAST(coalesce(n.fans_buyers, o.fans_buyers) AS VARCHAR)}
        ]) AS f
    FROM incoming AS n
    JOIN sessions AS o USING (session_id)
),
spend AS (
    SELECT
        sp.session_id,
        'spend_' || sp.channel AS field,
        CAST(o.export_spend AS VARCHAR) AS old,
        CAST(sp.export_spend AS VARCHAR) AS new,
        coalesce(o.export_spend, 0) IS DISTINCT FROM sp.export_spend AS changed
    FROM import_stage_spend AS sp
    JOIN sessions AS s USING (session_id)
    LEFT JOIN session_spend AS o USING (session_id, channel)
    WHERE sp.file_idx = $file_idx
)
SELECT session_id, f.field, f.old, f.new FROM fields WHERE f.old IS DISTINCT FROM f.new
UNION ALL
SELECT session_id, field, old, new FROM spend WHERE changed;
