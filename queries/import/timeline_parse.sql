-- Parse and validate the rows of a timeline file (import_rows, import_timeline_channel_cells) into
-- import_timeline_parsed: typed columns plus `errors`, the reasons a row cannot be trusted (empty = valid).
-- Time: the bucket start (or snapshot time) as any time the importer reads; a time of day alone
-- ('19:05', '19:05:00') takes $file_date (the date in the file name) when there is one.
-- Bucket length (form 'bucket'): bucket_end − bucket_time when the file has an end column; otherwise the
-- median interval between consecutive bucket starts of the same account and target in the file, else the
-- file's median, else 5 minutes. Snapshots (form 'cumulative') have length 0: the view differences them.
-- Room spend: the spend column, else the sum of the row's <渠道>消耗 cells (when any was given).
-- Learning status: 学习期 → 'learning', 学习期结束 / 完成 → 'learned', 学习期失败 → 'failed'.
-- Rejected: missing or unreadable time, an end not after the start, no account, an unreadable or negative
-- number (channel spend cells included), a learning status that is none of the three, more cells than the
-- header has columns, and an earlier row of the same account, target and time (the last row wins).
-- Grain: one row per distinct, non-blank, non-summary data row.
-- Parameters: $account (fallback account or NULL), $scales (struct: multiplier per metric), $form
-- ('bucket' | 'cumulative'), $file_date (ISO date or NULL).
CREATE OR REPLACE TEMP TABLE import_timeline_parsed AS
WITH source_rows AS (
    SELECT *
    FROM (SELECT * FROM import_rows UNION ALL BY NAME SELECT * FROM import_timeline_template)
    WHERE NOT _blank AND NOT _summary
),
channel_rows AS (
    SELECT
        _row,
        CASE WHEN count(spend) > 0 THEN round(sum(spend), 2) END AS channel_spend,
        list(error) FILTER (WHERE error IS NOT NULL) AS channel_errors
    FROM import_timeline_channel_cells
    GROUP BY _row
),
cleaned AS (
    SELECT
        r._row,
        r.bucket_time AS time_t,
        liveroi_clean(r.bucket_time) AS time_c,
        r.bucket_end AS end_t,
        liveroi_clean(r.bucket_end) AS end_c,
        r.account AS account_t,
        coalesce(liveroi_clean(r.account), $account) AS account,
        coalesce(k.channel, '') AS channel,
        coalesce(liveroi_clean(r.plan), '') AS plan,
        r.online AS online_t, liveroi_clean(r.online) AS online_c,
        r.viewers_in AS viewers_in_t, liveroi_clean(r.viewers_in) AS viewers_in_c,
        r.gmv AS gmv_t, liveroi_clean(r.gmv) AS gmv_c,
        r.orders AS orders_t, liveroi_clean(r.orders) AS orders_c,
        r.new_followers AS new_followers_t, liveroi_clean(r.new_followers) AS new_followers_c,
        r.spend AS spend_t, liveroi_clean(r.spend) AS spend_c,
        r.learning AS learning_t, liveroi_clean(r.learning) AS learning_c,
        r._beyond_header AS beyond_header_t,
        c.channel_spend,
        coalesce(c.channel_errors, []) AS channel_errors
    FROM source_rows AS r
    LEFT JOIN import_channel_keys AS k ON k.label = liveroi_clean(r.channel)
    LEFT JOIN channel_rows AS c ON c._row = r._row
),
typed AS (
    SELECT
        *,
        coalesce(
            liveroi_timestamp_of_raw_fast(time_t),
            CASE WHEN regexp_matches(time_c, '^\d{1,2}:\d{2}(:\d{2})?$') AND $file_date IS NOT NULL
                THEN liveroi_in_range(TRY_CAST($file_date AS DATE) + TRY_CAST(time_c AS TIME)) END
        ) AS t,
        coalesce(
            liveroi_timestamp_of_raw_fast(end_t),
            CASE WHEN regexp_matches(end_c, '^\d{1,2}:\d{2}(:\d{2})?$') AND $file_date IS NOT NULL
                THEN liveroi_in_range(TRY_CAST($file_date AS DATE) + TRY_CAST(end_c AS TIME)) END
        ) AS end_at,
        TRY_CAST(round(liveroi_number_of_raw_fast(online_t) * $scales.online) AS BIGINT) AS online,
        TRY_CAST(round(liveroi_number_of_raw_fast(viewers_in_t) * $scales.viewers_in) AS BIGINT) AS viewers_in,
        round(liveroi_number_of_raw_fast(gmv_t) * $scales.gmv, 2) AS gmv,
        TRY_CAST(round(liveroi_number_of_raw_fast(orders_t) * $scales.orders) AS BIGINT) AS orders,
        TRY_CAST(round(liveroi_number_of_raw_fast(new_followers_t) * $scales.new_followers) AS BIGINT)
            AS new_followers,
        round(liveroi_number_of_raw_fast(spend_t) * $scales.spend, 2) AS spend_own,
        CASE
            WHEN learning_c IS NULL THEN NULL
            WHEN regexp_matches(lower(learning_c), '失败|fail') THEN 'failed'
            WHEN regexp_matches(lower(learning_c), '结束|完成|成功|learned|ended|done') THEN 'learned'
            WHEN regexp_matches(lower(learning_c), '学习|learning') THEN 'learning'
        END AS learning
    FROM cleaned
),
checked AS (
    SELECT
        *,
        coalesce(spend_own, channel_spend) AS spend,
        list_filter(
            [
                CASE
                    WHEN time_c IS NULL THEN {'col': 'bucket_time', 'value': time_t, 'reason': 'reject.missing_time'}
                    WHEN t IS NULL THEN {'col': 'bucket_time', 'value': time_t, 'reason': 'reject.bad_time'}
                END,
                CASE
                    WHEN end_c IS NOT NULL AND end_at IS NULL
                        THEN {'col': 'bucket_end', 'value': end_t, 'reason': 'reject.bad_time'}
                    WHEN end_at IS NOT NULL AND t IS NOT NULL AND end_at <= t
                        THEN {'col': 'bucket_end', 'value': end_t, 'reason': 'reject.end_before_start'}
                END,
                CASE WHEN account IS NULL
                    THEN {'col': 'account', 'value': account_t, 'reason': 'reject.missing_account'} END,
                liveroi_cell_error('online', online_t, online_c, online, 'reject.bad_number'),
                liveroi_cell_error('viewers_in', viewers_in_t, viewers_in_c, viewers_in, 'reject.bad_number'),
                liveroi_cell_error('gmv', gmv_t, gmv_c, gmv, 'reject.bad_number'),
                liveroi_cell_error('orders', orders_t, orders_c, orders, 'reject.bad_number'),
                liveroi_cell_error('new_followers', new_followers_t, new_followers_c, new_followers, 'reject.bad_number'),
                liveroi_cell_error('spend', spend_t, spend_c, spend_own, 'reject.bad_number'),
                CASE WHEN learning_c IS NOT NULL AND learning IS NULL
                    THEN {'col': 'learning', 'value': learning_t, 'reason': 'reject.bad_learning_status'} END,
                CASE WHEN beyond_header_t IS NOT NULL
                    THEN {'col': '_beyond_header', 'value': beyond_header_t, 'reason': 'reject.too_many_cells'} END
            ] || channel_errors,
            e -> e IS NOT NULL
        ) AS errors
    FROM typed
),
deduplicated AS (
    SELECT
        * EXCLUDE (errors),
        CASE
            WHEN len(errors) = 0
                AND row_number() OVER (
                    PARTITION BY account, channel, plan, t, len(errors) = 0 ORDER BY _row DESC
                ) > 1
                THEN [{'col': 'bucket_time', 'value': time_t, 'reason': 'reject.duplicate_timeline_row'}]
            ELSE errors
        END AS errors
    FROM checked
),
intervals AS (
    SELECT
        *,
        date_diff('second', t, lead(t) OVER (PARTITION BY account, channel, plan ORDER BY t)) / 60.0 AS gap_min
    FROM deduplicated
    WHERE len(errors) = 0
),
target_steps AS (
    SELECT account, channel, plan, median(gap_min) AS step FROM intervals GROUP BY ALL
),
file_step AS (
    SELECT median(gap_min) AS step FROM intervals
)
SELECT
    d.*,
    CASE
        WHEN $form = 'cumulative' THEN 0.0
        WHEN d.end_at IS NOT NULL THEN date_diff('second', d.t, d.end_at) / 60.0
        ELSE round(coalesce(s.step, (SELECT step FROM file_step), 5.0), 2)
    END AS minutes,
    $form AS form
FROM deduplicated AS d
LEFT JOIN target_steps AS s USING (account, channel, plan);
