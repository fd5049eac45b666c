-- Parse and validate the rows of a session export (import_rows, import_spend_cells) into import_parsed:
-- typed canonical columns plus `errors`, the list of reasons the row cannot be trusted (empty = valid).
-- A row is rejected for an unparseable start/end time, number or duration, a negative count or amount
-- (spend cells: import_sessions_spend_errors, afterwards, as an UPDATE — a join here costs every row),
-- more buyers than viewers, an end before the start, more cells than the header has columns (_beyond_header), no account (and no --account), or a session id
-- that appears again later in the file (the last row wins: import_sessions_repeated_* flag the earlier
-- ones afterwards, so this query streams without holding the file twice). A missing cell is not an error.
-- session_id is the id as written (="…" and a leading ' unwrapped: liveroi_id_written) or, when the file
-- has none, 'd:' + the first 16 hex digits of sha256(key | ISO start time): stable across re-imports. The key is
-- the account, or '@' + liveroi_anchor_key(anchor id) when the file names the anchor's platform id (罗盘:
-- 主播抖音号 + 直播开始时间; a masked and a whole copy of the id give the same key).
-- Each cell becomes a value through the reading's macros (liveroi_read_number/_seconds/_timestamp:
-- queries/import/reading_text.sql — the *_of_raw_fast macros, a plain cast first, cleaned and run through
-- the rules only where that fails — or reading_typed.sql, over cells read_csv has typed); everything after
-- that (the `checked` part: every reason) is the same for both readings. A cell is quoted as text
-- (CAST(… AS VARCHAR): nothing for a text cell, and only evaluated where a reason needs it). Each value is
-- checked by a cheap test (liveroi_cell_bad); the list of reasons is only built for the rows that test
-- flags. Only the typed columns are kept (the raw row stays in import_rows).
-- Known rows (import_known: unchanged since they last wrote their session) are not parsed.
-- row_hash = hash(row cells, $layout_key) is stored with the session so a re-import can know the row.
-- Grain: one row per distinct, non-blank, non-summary, not known data row: _row, session_id, row_hash, the
-- typed session columns and errors.
-- Parameters: $account (fallback account or NULL), $scales (struct: 元 per unit for money fields,
-- seconds per plain number for duration_min/avg_watch_s, multiplier for counts), $layout_key.
CREATE OR REPLACE TEMP TABLE import_parsed AS
WITH typed AS (
    SELECT
        _row,
        hash(_hash, $layout_key) AS row_hash,
        session_id AS session_id_raw,
        account AS account_raw,
        started_at AS started_at_raw,
        ended_at AS ended_at_raw,
        duration_min AS duration_min_raw,
        impressions AS impressions_raw,
        viewers AS viewers_raw,
        views AS views_raw,
        peak_online AS peak_online_raw,
        avg_watch_s AS avg_watch_s_raw,
        new_followers AS new_followers_raw,
        product_impressions AS product_impressions_raw,
        product_clicks AS product_clicks_raw,
        orders AS orders_raw,
        buyers AS buyers_raw,
        gmv AS gmv_raw,
        refunds AS refunds_raw,
        ad_gmv AS ad_gmv_raw,
        net_gmv AS net_gmv_raw,
        followers_lost AS followers_lost_raw,
        followers_total AS followers_total_raw,
        fans_gmv AS fans_gmv_raw,
        fans_buyers AS fans_buyers_raw,
        _beyond_header AS beyond_header_raw,
        liveroi_id_written(liveroi_clean(session_id)) AS id_written,
        coalesce(liveroi_clean(account), $account) AS account,
        liveroi_id_written(liveroi_clean(anchor_id)) AS anchor_id,
        liveroi_read_timestamp(started_at) AS started_at,
        liveroi_read_timestamp(ended_at) AS ended_at,
        liveroi_read_seconds(duration_min, $scales.duration_min) / 60 AS duration_min,
        liveroi_clean(shift) AS shift,
        TRY_CAST(round(liveroi_read_number(impressions) * $scales.impressions) AS BIGINT) AS impressions,
        TRY_CAST(round(liveroi_read_number(viewers) * $scales.viewers) AS BIGINT) AS viewers,
        TRY_CAST(round(liveroi_read_number(views) * $scales.views) AS BIGINT) AS views,
        TRY_CAST(round(liveroi_read_number(peak_online) * $scales.peak_online) AS BIGINT) AS peak_online,
        TRY_CAST(round(liveroi_read_number(new_followers) * $scales.new_followers) AS BIGINT) AS new_followers,
        TRY_CAST(round(liveroi_read_number(product_impressions) * $scales.product_impressions) AS BIGINT) AS product_impressions,
        TRY_CAST(round(liveroi_read_number(product_clicks) * $scales.product_clicks) AS BIGINT) AS product_clicks,
        TRY_CAST(round(liveroi_read_number(orders) * $scales.orders) AS BIGINT) AS orders,
        TRY_CAST(round(liveroi_read_number(buyers) * $scales.buyers) AS BIGINT) AS buyers,
        liveroi_read_seconds(avg_watch_s, $scales.avg_watch_s) AS avg_watch_s,
        round(liveroi_read_number(gmv) * $scales.gmv, 2) AS gmv,
        round(liveroi_read_number(refunds) * $scales.refunds, 2) AS refunds,
        round(liveroi_read_number(ad_gmv) * $scales.ad_gmv, 2) AS ad_gmv,
        round(liveroi_read_number(net_gmv) * $scales.net_gmv, 2) AS net_gmv,
        TRY_CAST(round(liveroi_read_number(followers_lost) * $scales.followers_lost) AS BIGINT) AS followers_lost,
        TRY_CAST(round(liveroi_read_number(followers_total) * $scales.followers_total) AS BIGINT) AS followers_total,
        round(liveroi_read_number(fans_gmv) * $scales.fans_gmv, 2) AS fans_gmv,
        TRY_CAST(round(liveroi_read_number(fans_buyers) * $scales.fans_buyers) AS BIGINT) AS fans_buyers
    FROM import_rows
    WHERE NOT _blank AND NOT _summary AND _row NOT IN (SELECT _row FROM import_known)
),
checked AS (
    SELECT
        typed.*,
        coalesce(
            id_written,
            'd:' || left(sha256(coalesce('@' || liveroi_anchor_key(anchor_id), account) || '|' || strftime(started_at, '%Y-%m-%dT%H:%M:%S')), 16)
        )
            AS session_id,
        CASE
            WHEN coalesce(
                started_at IS NULL
                OR CASE WHEN ended_at IS NULL THEN liveroi_clean(CAST(ended_at_raw AS VARCHAR)) IS NOT NULL ELSE ended_at < started_at END
                OR account IS NULL
                OR liveroi_cell_bad(CAST(duration_min_raw AS VARCHAR), duration_min)
                OR liveroi_cell_bad(CAST(impressions_raw AS VARCHAR), impressions)
                OR liveroi_cell_bad(CAST(viewers_raw AS VARCHAR), viewers)
                OR liveroi_cell_bad(CAST(views_raw AS VARCHAR), views)
                OR liveroi_cell_bad(CAST(peak_online_raw AS VARCHAR), peak_online)
                OR liveroi_cell_bad(CAST(avg_watch_s_raw AS VARCHAR), avg_watch_s)
                OR liveroi_cell_bad(CAST(new_followers_raw AS VARCHAR), new_followers)
                OR liveroi_cell_bad(CAST(product_impressions_raw AS VARCHAR), product_impressions)
                OR liveroi_cell_bad(CAST(product_clicks_raw AS VARCHAR), product_clicks)
                OR liveroi_cell_bad(CAST(orders_raw AS VARCHAR), orders)
                OR liveroi_cell_bad(CAST(buyers_raw AS VARCHAR), buyers)
                OR liveroi_cell_bad(CAST(gmv_raw AS VARCHAR), gmv)
                OR liveroi_cell_bad(CAST(refunds_raw AS VARCHAR), refunds)
                OR liveroi_cell_bad(CAST(ad_gmv_raw AS VARCHAR), ad_gmv)
                OR liveroi_cell_bad(CAST(net_gmv_raw AS VARCHAR), net_gmv)
                OR liveroi_cell_bad(CAST(followers_lost_raw AS VARCHAR), followers_lost)
                OR liveroi_cell_bad(CAST(followers_total_raw AS VARCHAR), followers_total)
                OR liveroi_cell_bad(CAST(fans_gmv_raw AS VARCHAR), fans_gmv)
                OR liveroi_cell_bad(CAST(fans_buyers_raw AS VARCHAR), fans_buyers)
                OR buyers > viewers
                OR beyond_header_raw IS NOT NULL,
                false
            )
            THEN
            list_filter(
                [
                    CASE
                        WHEN liveroi_clean(CAST(started_at_raw AS VARCHAR)) IS NULL
                            THEN {'col': 'started_at', 'value': CAST(started_at_raw AS VARCHAR), 'reason': 'reject.missing_start'}
                        WHEN started_at IS NULL
                            THEN {'col': 'started_at', 'value': CAST(started_at_raw AS VARCHAR), 'reason': 'reject.bad_time'}
                    END,
                    CASE WHEN ended_at IS NULL AND liveroi_clean(CAST(ended_at_raw AS VARCHAR)) IS NOT NULL
                        THEN {'col': 'ended_at', 'value': CAST(ended_at_raw AS VARCHAR), 'reason': 'reject.bad_time'} END,
                    CASE WHEN account IS NULL
                        THEN {'col': 'account', 'value': account_raw, 'reason': 'reject.missing_account'} END,
                    liveroi_cell_error('duration_min', CAST(duration_min_raw AS VARCHAR), liveroi_clean(CAST(duration_min_raw AS VARCHAR)), duration_min, 'reject.bad_duration'),
                    liveroi_cell_error('impressions', CAST(impressions_raw AS VARCHAR), liveroi_clean(CAST(impressions_raw AS VARCHAR)), impressions, 'reject.bad_number'),
                    liveroi_cell_error('viewers', CAST(viewers_raw AS VARCHAR), liveroi_clean(CAST(viewers_raw AS VARCHAR)), viewers, 'reject.bad_number'),
                    liveroi_cell_error('views', CAST(views_raw AS VARCHAR), liveroi_clean(CAST(views_raw AS VARCHAR)), views, 'reject.bad_number'),
                    liveroi_cell_error('peak_online', CAST(peak_online_raw AS VARCHAR), liveroi_clean(CAST(peak_online_raw AS VARCHAR)), peak_online, 'reject.bad_number'),
                    liveroi_cell_error('avg_watch_s', CAST(avg_watch_s_raw AS VARCHAR), liveroi_clean(CAST(avg_watch_s_raw AS VARCHAR)), avg_watch_s, 'reject.bad_duration'),
                    liveroi_cell_error('new_followers', CAST(new_followers_raw AS VARCHAR), liveroi_clean(CAST(new_followers_raw AS VARCHAR)), new_followers, 'reject.bad_number'),
                    liveroi_cell_error('product_impressions', CAST(product_impressions_raw AS VARCHAR), liveroi_clean(CAST(product_impressions_raw AS VARCHAR)), product_impressions, 'reject.bad_number'),
                    liveroi_cell_error('product_clicks', CAST(product_clicks_raw AS VARCHAR), liveroi_clean(CAST(product_clicks_raw AS VARCHAR)), product_clicks, 'reject.bad_number'),
                    liveroi_cell_error('orders', CAST(orders_raw AS VARCHAR), liveroi_clean(CAST(orders_raw AS VARCHAR)), orders, 'reject.bad_number'),
                    liveroi_cell_error('buyers', CAST(buyers_raw AS VARCHAR), liveroi_clean(CAST(buyers_raw AS VARCHAR)), buyers, 'reject.bad_number'),
                    liveroi_cell_error('gmv', CAST(gmv_raw AS VARCHAR), liveroi_clean(CAST(gmv_raw AS VARCHAR)), gmv, 'reject.bad_number'),
                    liveroi_cell_error('refunds', CAST(refunds_raw AS VARCHAR), liveroi_clean(CAST(refunds_raw AS VARCHAR)), refunds, 'reject.bad_number'),
                    liveroi_cell_error('ad_gmv', CAST(ad_gmv_raw AS VARCHAR), liveroi_clean(CAST(ad_gmv_raw AS VARCHAR)), ad_gmv, 'reject.bad_number'),
                    liveroi_cell_error('net_gmv', CAST(net_gmv_raw AS VARCHAR), liveroi_clean(CAST(net_gmv_raw AS VARCHAR)), net_gmv, 'reject.bad_number'),
                    liveroi_cell_error('followers_lost', CAST(followers_lost_raw AS VARCHAR), liveroi_clean(CAST(followers_lost_raw AS VARCHAR)), followers_lost, 'reject.bad_number'),
                    liveroi_cell_error('followers_total', CAST(followers_total_raw AS VARCHAR), liveroi_clean(CAST(followers_total_raw AS VARCHAR)), followers_total, 'reject.bad_number'),
                    liveroi_cell_error('fans_gmv', CAST(fans_gmv_raw AS VARCHAR), liveroi_clean(CAST(fans_gmv_raw AS VARCHAR)), fans_gmv, 'reject.bad_number'),
                    liveroi_cell_error('fans_buyers', CAST(fans_buyers_raw AS VARCHAR), liveroi_clean(CAST(fans_buyers_raw AS VARCHAR)), fans_buyers, 'reject.bad_number'),
                    CASE WHEN buyers > viewers
                        THEN {'col': 'buyers', 'value': CAST(buyers_raw AS VARCHAR), 'reason': 'reject.buyers_gt_viewers'} END,
                    CASE WHEN ended_at < started_at
                        THEN {'col': 'ended_at', 'value': CAST(ended_at_raw AS VARCHAR), 'reason': 'reject.end_before_start'} END,
                    CASE WHEN beyond_header_raw IS NOT NULL
                        THEN {'col': '_beyond_header', 'value': beyond_header_raw, 'reason': 'reject.too_many_cells'} END
                ],
                e -> e IS NOT NULL
            )
            ELSE []
        END AS errors
    FROM typed
)
SELECT
    _row, session_id, row_hash, account, started_at, ended_at, duration_min, shift, impressions, viewers, views,
    peak_online, avg_watch_s, new_followers, product_impressions, product_clicks, orders, buyers, gmv, refunds,
    ad_gmv, anchor_id, net_gmv, followers_lost, followers_total, fans_gmv, fans_buyers, errors
FROM checked;
