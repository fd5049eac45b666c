-- Parse and validate the rows of a session export (import_rows, import_spend_cells) into import_parsed:
-- typed canonical columns plus `errors`, the list of reasons the row cannot be trusted (empty = valid).
-- A row is rejected for an unparseable start/end time, number or duration, a negative count or amount,
-- more buyers than viewers, an end before the start, no account (and no --account), or a session id
-- that appears again later in the file (the last row wins). A missing cell is not an error.
-- session_id is the id as written (="…" and a leading ' unwrapped) or, when the file has none,
-- 'd:' + the first 16 hex digits of sha256(account | ISO start time): stable across re-imports.
-- Each column is cleaned once (liveroi_clean) and parsed by the macros over cleaned text; the list of
-- reasons is only built for rows where a cheap test says something is wrong.
-- Grain: one row per distinct, non-blank, non-summary data row.
-- Parameters: $account (fallback account or NULL), $scales (struct: 元 per unit for money fields,
-- seconds per plain number for duration_min/avg_watch_s, multiplier for counts).
CREATE OR REPLACE TEMP TABLE import_parsed AS
WITH cleaned AS (
    SELECT
        _row,
        _copies,
        session_id AS session_id_raw, liveroi_clean(session_id) AS session_id_c,
        account AS account_raw, liveroi_clean(account) AS account_c,
        started_at AS started_at_raw, liveroi_clean(started_at) AS started_at_c,
        ended_at AS ended_at_raw, liveroi_clean(ended_at) AS ended_at_c,
        duration_min AS duration_min_raw, liveroi_clean(duration_min) AS duration_min_c,
        shift AS shift_raw, liveroi_clean(shift) AS shift_c,
        impressions AS impressions_raw, liveroi_clean(impressions) AS impressions_c,
        viewers AS viewers_raw, liveroi_clean(viewers) AS viewers_c,
        views AS views_raw, liveroi_clean(views) AS views_c,
        peak_online AS peak_online_raw, liveroi_clean(peak_online) AS peak_online_c,
        avg_watch_s AS avg_watch_s_raw, liveroi_clean(avg_watch_s) AS avg_watch_s_c,
        new_followers AS new_followers_raw, liveroi_clean(new_followers) AS new_followers_c,
        product_impressions AS product_impressions_raw, liveroi_clean(product_impressions) AS product_impressions_c,
        product_clicks AS product_clicks_raw, liveroi_clean(product_clicks) AS product_clicks_c,
        orders AS orders_raw, liveroi_clean(orders) AS orders_c,
        buyers AS buyers_raw, liveroi_clean(buyers) AS buyers_c,
        gmv AS gmv_raw, liveroi_clean(gmv) AS gmv_c,
        refunds AS refunds_raw, liveroi_clean(refunds) AS refunds_c,
        ad_gmv AS ad_gmv_raw, liveroi_clean(ad_gmv) AS ad_gmv_c
    FROM import_rows
    WHERE NOT _blank AND NOT _summary
),
typed AS (
    SELECT
        cleaned.*,
        nullif(regexp_replace(regexp_replace(session_id_c, '^="(.*)"$', '\1'), '^''', ''), '') AS id_written,
        coalesce(account_c, $account) AS account,
        liveroi_in_range(liveroi_ts(started_at_c)) AS started_at,
        liveroi_in_range(liveroi_ts(ended_at_c)) AS ended_at,
        liveroi_secs(duration_min_c, $scales.duration_min) / 60 AS duration_min,
        shift_c AS shift,
        TRY_CAST(round(liveroi_num(impressions_c) * $scales.impressions) AS BIGINT) AS impressions,
        TRY_CAST(round(liveroi_num(viewers_c) * $scales.viewers) AS BIGINT) AS viewers,
        TRY_CAST(round(liveroi_num(views_c) * $scales.views) AS BIGINT) AS views,
        TRY_CAST(round(liveroi_num(peak_online_c) * $scales.peak_online) AS BIGINT) AS peak_online,
        TRY_CAST(round(liveroi_num(new_followers_c) * $scales.new_followers) AS BIGINT) AS new_followers,
        TRY_CAST(round(liveroi_num(product_impressions_c) * $scales.product_impressions) AS BIGINT) AS product_impressions,
        TRY_CAST(round(liveroi_num(product_clicks_c) * $scales.product_clicks) AS BIGINT) AS product_clicks,
        TRY_CAST(round(liveroi_num(orders_c) * $scales.orders) AS BIGINT) AS orders,
        TRY_CAST(round(liveroi_num(buyers_c) * $scales.buyers) AS BIGINT) AS buyers,
        liveroi_secs(avg_watch_s_c, $scales.avg_watch_s) AS avg_watch_s,
        round(liveroi_num(gmv_c) * $scales.gmv, 2) AS gmv,
        round(liveroi_num(refunds_c) * $scales.refunds, 2) AS refunds,
        round(liveroi_num(ad_gmv_c) * $scales.ad_gmv, 2) AS ad_gmv
    FROM cleaned
),
spend_errors AS (
    SELECT
        _row,
        list(liveroi_cell_error(spend_column, spend_text, spend_clean, export_spend, 'reject.bad_number'))
            AS errors
    FROM import_spend_cells
    WHERE liveroi_cell_error(spend_column, spend_text, spend_clean, export_spend, 'reject.bad_number') IS NOT NULL
    GROUP BY _row
),
checked AS (
    SELECT
        typed.*,
        coalesce(id_written, 'd:' || left(sha256(account || '|' || strftime(started_at, '%Y-%m-%dT%H:%M:%S')), 16))
            AS session_id,
        CASE
            WHEN coalesce(
                started_at IS NULL
                OR (ended_at_c IS NOT NULL AND ended_at IS NULL)
                OR account IS NULL
                OR (duration_min_c IS NOT NULL AND (duration_min IS NULL OR duration_min < 0))
                OR (impressions_c IS NOT NULL AND (impressions IS NULL OR impressions < 0))
                OR (viewers_c IS NOT NULL AND (viewers IS NULL OR viewers < 0))
                OR (views_c IS NOT NULL AND (views IS NULL OR views < 0))
                OR (peak_online_c IS NOT NULL AND (peak_online IS NULL OR peak_online < 0))
                OR (new_followers_c IS NOT NULL AND (new_followers IS NULL OR new_followers < 0))
                OR (product_impressions_c IS NOT NULL AND (product_impressions IS NULL OR product_impressions < 0))
                OR (product_clicks_c IS NOT NULL AND (product_clicks IS NULL OR product_clicks < 0))
                OR (orders_c IS NOT NULL AND (orders IS NULL OR orders < 0))
                OR (buyers_c IS NOT NULL AND (buyers IS NULL OR buyers < 0))
                OR (avg_watch_s_c IS NOT NULL AND (avg_watch_s IS NULL OR avg_watch_s < 0))
                OR (gmv_c IS NOT NULL AND (gmv IS NULL OR gmv < 0))
                OR (refunds_c IS NOT NULL AND (refunds IS NULL OR refunds < 0))
                OR (ad_gmv_c IS NOT NULL AND (ad_gmv IS NULL OR ad_gmv < 0))
                OR buyers > viewers
                OR ended_at < started_at
                OR spend_errors.errors IS NOT NULL,
                false
            )
            THEN
            list_filter(
                [
                    CASE
                        WHEN started_at_c IS NULL
                            THEN {'col': 'started_at', 'value': started_at_raw, 'reason': 'reject.missing_start'}
                        WHEN started_at IS NULL
                            THEN {'col': 'started_at', 'value': started_at_raw, 'reason': 'reject.bad_time'}
                    END,
                    CASE WHEN ended_at_c IS NOT NULL AND ended_at IS NULL
                        THEN {'col': 'ended_at', 'value': ended_at_raw, 'reason': 'reject.bad_time'} END,
                    CASE WHEN account IS NULL
                        THEN {'col': 'account', 'value': account_raw, 'reason': 'reject.missing_account'} END,
                    liveroi_cell_error('duration_min', duration_min_raw, duration_min_c, duration_min, 'reject.bad_duration'),
                    liveroi_cell_error('impressions', impressions_raw, impressions_c, impressions, 'reject.bad_number'),
                    liveroi_cell_error('viewers', viewers_raw, viewers_c, viewers, 'reject.bad_number'),
                    liveroi_cell_error('views', views_raw, views_c, views, 'reject.bad_number'),
                    liveroi_cell_error('peak_online', peak_online_raw, peak_online_c, peak_online, 'reject.bad_number'),
                    liveroi_cell_error('avg_watch_s', avg_watch_s_raw, avg_watch_s_c, avg_watch_s, 'reject.bad_duration'),
                    liveroi_cell_error('new_followers', new_followers_raw, new_followers_c, new_followers, 'reject.bad_number'),
                    liveroi_cell_error('product_impressions', product_impressions_raw, product_impressions_c, product_impressions, 'reject.bad_number'),
                    liveroi_cell_error('product_clicks', product_clicks_raw, product_clicks_c, product_clicks, 'reject.bad_number'),
                    liveroi_cell_error('orders', orders_raw, orders_c, orders, 'reject.bad_number'),
                    liveroi_cell_error('buyers', buyers_raw, buyers_c, buyers, 'reject.bad_number'),
                    liveroi_cell_error('gmv', gmv_raw, gmv_c, gmv, 'reject.bad_number'),
                    liveroi_cell_error('refunds', refunds_raw, refunds_c, refunds, 'reject.bad_number'),
                    liveroi_cell_error('ad_gmv', ad_gmv_raw, ad_gmv_c, ad_gmv, 'reject.bad_number'),
                    CASE WHEN buyers > viewers
                        THEN {'col': 'buyers', 'value': buyers_raw, 'reason': 'reject.buyers_gt_viewers'} END,
                    CASE WHEN ended_at < started_at
                        THEN {'col': 'ended_at', 'value': ended_at_raw, 'reason': 'reject.end_before_start'} END
                ] || coalesce(spend_errors.errors, []),
                e -> e IS NOT NULL
            )
            ELSE []
        END AS errors
    FROM typed
    LEFT JOIN spend_errors USING (_row)
)
SELECT
    * EXCLUDE (errors),
    CASE
        WHEN len(errors) = 0
            AND row_number() OVER (PARTITION BY session_id, len(errors) = 0 ORDER BY _row DESC) > 1
            THEN [{'col': 'session_id', 'value': coalesce(session_id_raw, session_id), 'reason': 'reject.duplicate_session'}]
        ELSE errors
    END AS errors
FROM checked;
