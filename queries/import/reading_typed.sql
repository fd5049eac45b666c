-- The typed reading of a clean CSV session list (readers.load_raw_typed): DuckDB's read_csv has already
-- read every number column of import_raw as DOUBLE and started_at/ended_at as TIMESTAMP (in the one
-- format readers.TYPED_TIMESTAMP_FORMAT), or refused the file, which is then read as text
-- (queries/import/reading_text.sql defines the same names for that reading). So a cell here is a value
-- the text reading's plain cast would have given for the same written cell, and these macros only add
-- what that reading does after its cast: a non-finite number is unparseable (NULL; written 'inf' the text
-- reading refuses it too, written 'nan' both readings take it as missing), a time must fall in 2000–2099.
--   import_template_reading: import_template with the columns a typed reading types cast to those types,
--     the shape import_rows gives a column the file lacks;
--   liveroi_read_number(cell), liveroi_read_seconds(cell, plain_unit_s), liveroi_read_timestamp(cell):
--     as in reading_text.sql, over typed cells.
-- Grain: none (a view and macros). No parameters.
CREATE OR REPLACE TEMP VIEW import_template_reading AS
SELECT * REPLACE (
    CAST(started_at AS TIMESTAMP) AS started_at,
    CAST(ended_at AS TIMESTAMP) AS ended_at,
    CAST(duration_min AS DOUBLE) AS duration_min,
    CAST(impressions AS DOUBLE) AS impressions,
    CAST(viewers AS DOUBLE) AS viewers,
    CAST(views AS DOUBLE) AS views,
    CAST(peak_online AS DOUBLE) AS peak_online,
    CAST(avg_watch_s AS DOUBLE) AS avg_watch_s,
    CAST(new_followers AS DOUBLE) AS new_followers,
    CAST(product_impressions AS DOUBLE) AS product_impressions,
    CAST(product_clicks AS DOUBLE) AS product_clicks,
    CAST(orders AS DOUBLE) AS orders,
    CAST(buyers AS DOUBLE) AS buyers,
    CAST(gmv AS DOUBLE) AS gmv,
    CAST(refunds AS DOUBLE) AS refunds,
    CAST(ad_gmv AS DOUBLE) AS ad_gmv,
    CAST(net_gmv AS DOUBLE) AS net_gmv,
    CAST(followers_lost AS DOUBLE) AS followers_lost,
    CAST(followers_total AS DOUBLE) AS followers_total,
    CAST(fans_gmv AS DOUBLE) AS fans_gmv,
    CAST(fans_buyers AS DOUBLE) AS fans_buyers
)
FROM import_template;
CREATE OR REPLACE TEMP MACRO liveroi_read_number(cell) AS (CASE WHEN isfinite(cell) THEN cell END);
CREATE OR REPLACE TEMP MACRO liveroi_read_seconds(cell, plain_unit_s) AS (CASE WHEN isfinite(cell) THEN cell * plain_unit_s END);
CREATE OR REPLACE TEMP MACRO liveroi_read_timestamp(cell) AS (liveroi_in_range(cell));
