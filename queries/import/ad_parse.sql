-- Parse and validate the rows of an ad-spend report (import_rows) into import_ad_parsed.
-- Period: a report whose times carry an hour (or that has a 小时 column: `19`, `19:00 - 20:00`, `19时`;
-- all 0 = a daily report) is hourly
-- — each row covers [hour, hour + 1 h); a report of dates only (also `20261114`) is daily — [day, day + 1 day). A report
-- whose date is only in its file name gets $file_date. Channel: $channel when the layout fixes it (a
-- 磁力金牛 report is jinniu whatever its plans are called), else the channel column, else the plan name,
-- mapped by liveroi.channels.channel_key (import_channel_keys, from Python); a name that is no known
-- channel is kept as written; neither column → 'other'. Missing spend = 0. Account: the account column,
-- else $account, else the account id column.
-- Extras (GMV windows, orders, net GMV …) are parsed apart, by queries/import/ad_extras.sql.
-- Identity: a row is one ad object (plan, plan id, unit, unit id, creative, creative id, material,
-- material id — '' where the report has no such column) in one period; rows that differ in any of them
-- are different facts. Byte-identical repeats were collapsed before (import_rows).
-- Rejected: no/unparseable time or hour, unparseable or negative spend or ad GMV, no account, and a
-- repeated (account, channel, ad object, period) with different cells — the last row wins — and a row
-- with more cells than the header has columns (_beyond_header).
-- Grain: one row per distinct, non-blank, non-summary data row.
-- Parameters: $account (fallback account or NULL), $scales (struct: spend, ad_gmv in 元 per unit),
-- $channel (the layout's channel key or NULL), $file_date (ISO date from the file name, or NULL).
CREATE OR REPLACE TEMP TABLE import_ad_parsed AS
WITH source_rows AS (
    SELECT * FROM import_rows WHERE NOT _blank AND NOT _summary
),
cleaned AS (
    SELECT
        _row,
        _copies,
        time AS time_t,
        coalesce(liveroi_clean(time), $file_date) AS time_c,
        hour AS hour_t,
        liveroi_clean(hour) AS hour_c,
        account AS account_t,
        coalesce(liveroi_clean(account), $account, liveroi_clean(account_id)) AS account,
        liveroi_clean(account_id) AS account_id,
        coalesce(liveroi_clean(channel), liveroi_clean(plan)) AS channel_label,
        coalesce(liveroi_clean(plan), '') AS plan,
        coalesce(liveroi_clean(plan_id), '') AS plan_id,
        coalesce(liveroi_clean(unit), '') AS unit,
        coalesce(liveroi_clean(unit_id), '') AS unit_id,
        coalesce(liveroi_clean(creative), '') AS creative,
        coalesce(liveroi_clean(creative_id), '') AS creative_id,
        coalesce(liveroi_clean(material), '') AS material,
        coalesce(liveroi_clean(material_id), '') AS material_id,
        spend AS spend_t,
        liveroi_clean(spend) AS spend_c,
        ad_gmv AS ad_gmv_t,
        _beyond_header AS beyond_header_t,
        liveroi_clean(ad_gmv) AS ad_gmv_c
    FROM source_rows
),
typed AS (
    SELECT
        cleaned.*,
        liveroi_in_range(coalesce(
            liveroi_timestamp_of_clean(time_c),
            CASE WHEN regexp_full_match(time_c, '20\d{6}') THEN try_strptime(time_c, '%Y%m%d') END
        )) AS t,
        coalesce(
            TRY_CAST(regexp_extract(hour_c, '(?:^|\s)(\d{1,2})(?::\d{2}|时|点)', 1) AS INTEGER),
            TRY_CAST(regexp_extract(hour_c, '^(\d{1,2})$', 1) AS INTEGER)
        ) AS h,
        round(liveroi_number_of_clean(spend_c) * $scales.spend, 2) AS spend,
        round(liveroi_number_of_clean(ad_gmv_c) * $scales.ad_gmv, 2) AS ad_gmv
    FROM cleaned
),
granularity AS (
    -- an hour column that is 0 on every row is a daily report's empty hour, not midnight
    SELECT coalesce(bool_or(h <> 0 OR t <> date_trunc('day', t)), false) AS hourly FROM typed
),
periods AS (
    SELECT
        typed.*,
        coalesce($channel, k.channel, 'other') AS channel,
        CASE
            WHEN g.hourly AND h IS NOT NULL AND t = date_trunc('day', t) THEN t + to_hours(h)
            WHEN g.hourly THEN date_trunc('hour', t)
            ELSE date_trunc('day', t)
        END AS period_start,
        g.hourly
    FROM typed
    CROSS JOIN granularity AS g
    LEFT JOIN import_channel_keys AS k ON k.label = typed.channel_label
),
checked AS (
    SELECT
        * EXCLUDE (hourly),
        period_start + CASE WHEN hourly THEN INTERVAL 1 HOUR ELSE INTERVAL 1 DAY END AS period_end,
        list_filter(
            [
                CASE
                    WHEN time_c IS NULL
                        THEN {'col': 'time', 'value': time_t, 'reason': 'reject.missing_time'}
                    WHEN t IS NULL THEN {'col': 'time', 'value': time_t, 'reason': 'reject.bad_time'}
                END,
                CASE WHEN hour_c IS NOT NULL AND (h IS NULL OR h > 23)
                    THEN {'col': 'hour', 'value': hour_t, 'reason': 'reject.bad_time'} END,
                CASE WHEN account IS NULL
                    THEN {'col': 'account', 'value': account_t, 'reason': 'reject.missing_account'} END,
                liveroi_cell_error('spend', spend_t, spend_c, spend, 'reject.bad_number'),
                liveroi_cell_error('ad_gmv', ad_gmv_t, ad_gmv_c, ad_gmv, 'reject.bad_number'),
                CASE WHEN beyond_header_t IS NOT NULL
                    THEN {'col': '_beyond_header', 'value': beyond_header_t, 'reason': 'reject.too_many_cells'} END
            ],
            e -> e IS NOT NULL
        ) AS errors
    FROM periods
)
SELECT
    * EXCLUDE (errors),
    CASE
        WHEN len(errors) = 0
            AND row_number() OVER (
                PARTITION BY
                    account, channel, plan, plan_id, unit, unit_id, creative, creative_id, material,
                    material_id, period_start, len(errors) = 0
                ORDER BY _row DESC
            ) > 1
            THEN [{'col': 'time', 'value': time_t, 'reason': 'reject.duplicate_ad_row'}]
        ELSE errors
    END AS errors
FROM checked;
