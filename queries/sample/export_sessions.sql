-- The sample brand's session table printed the way the Kuaishou back-end exports it: Chinese headers,
-- dates like 2026/1/3 9:33:16, durations like 3小时12分5秒, 1.2万, ￥ and thousands separators, '-' for
-- missing, and a 合计 row at the end. 粉丝总数 and 粉丝成交金额 only where the account has them (the
-- cold start's carry-over model), '-' elsewhere. Messy on purpose: the importer must read it back exactly.
-- Grain: one row per session (by start time), then the summary row.
-- Reads the registered frame sample_export_input: the session columns, spend_<channel> (NULL when the
-- account does not use the channel), and per-cell style codes drawn by liveroi.sample.exports
-- (*_style: 0 = 12345.60, 1 = ￥12,345.60, 2 = 12,345.60; *_wan: print as 万). No parameters.
WITH formatted AS (
    SELECT
        0 AS part,
        started_at AS sort_time,
        session_id AS sort_id,
        session_id AS "直播ID",
        account AS "账号名称",
        strftime(started_at, '%Y/%-m/%-d %-H:%M:%S') AS "开播时间",
        strftime(ended_at, '%Y/%-m/%-d %-H:%M:%S') AS "下播时间",
        CAST(duration_s // 3600 AS VARCHAR) || '小时' || CAST(duration_s % 3600 // 60 AS VARCHAR) || '分'
            || CAST(duration_s % 60 AS VARCHAR) || '秒' AS "直播时长",
        CASE WHEN impressions_wan THEN rtrim(rtrim(format('{:.2f}', impressions / 1e4), '0'), '.') || '万'
             ELSE CAST(impressions AS VARCHAR) END AS "直播间曝光人数",
        CAST(viewers AS VARCHAR) AS "观看人数",
        CASE WHEN views_wan THEN rtrim(rtrim(format('{:.2f}', views / 1e4), '0'), '.') || '万'
             ELSE CAST(views AS VARCHAR) END AS "观看人次",
        CAST(peak_online AS VARCHAR) AS "最高在线人数",
        CASE WHEN avg_watch_s >= 60
             THEN CAST(CAST(avg_watch_s AS BIGINT) // 60 AS VARCHAR) || '分'
                  || CAST(CAST(avg_watch_s AS BIGINT) % 60 AS VARCHAR) || '秒'
             ELSE CAST(CAST(avg_watch_s AS BIGINT) AS VARCHAR) || '秒' END AS "平均观看时长",
        CAST(new_followers AS VARCHAR) AS "涨粉数",
        coalesce(CAST(followers_total AS VARCHAR), '-') AS "粉丝总数",
        coalesce(CAST(product_impressions AS VARCHAR), '-') AS "商品曝光人数",
        CAST(product_clicks AS VARCHAR) AS "商品点击人数",
        CAST(orders AS VARCHAR) AS "成交订单数",
        CAST(buyers AS VARCHAR) AS "成交人数",
        CASE gmv_style WHEN 1 THEN '￥' || format('{:,.2f}', gmv) WHEN 2 THEN format('{:,.2f}', gmv)
             ELSE format('{:.2f}', gmv) END AS "成交金额(元)",
        CASE refunds_style WHEN 1 THEN '￥' || format('{:,.2f}', refunds) WHEN 2 THEN format('{:,.2f}', refunds)
             ELSE format('{:.2f}', refunds) END AS "退款金额(元)",
        CASE ad_gmv_style WHEN 1 THEN '￥' || format('{:,.2f}', ad_gmv) WHEN 2 THEN format('{:,.2f}', ad_gmv)
             ELSE format('{:.2f}', ad_gmv) END AS "广告成交金额(元)",
        coalesce(format('{:.2f}', fans_gmv), '-') AS "粉丝成交金额(元)",
        CASE WHEN spend_xiaodiantong IS NULL THEN '-'
             WHEN spend_style = 1 THEN '￥' || format('{:,.2f}', spend_xiaodiantong)
             ELSE format('{:.2f}', spend_xiaodiantong) END AS "小店通消耗(元)",
        CASE WHEN spend_jinniu IS NULL THEN '-'
             WHEN spend_style = 1 THEN '￥' || format('{:,.2f}', spend_jinniu)
             ELSE format('{:.2f}', spend_jinniu) END AS "磁力金牛消耗(元)",
        CASE WHEN spend_fentiao IS NULL THEN '-'
             WHEN spend_style = 1 THEN '￥' || format('{:,.2f}', spend_fentiao)
             ELSE format('{:.2f}', spend_fentiao) END AS "粉条消耗(元)",
        CASE WHEN spend_works_promo IS NULL THEN '-'
             WHEN spend_style = 1 THEN '￥' || format('{:,.2f}', spend_works_promo)
             ELSE format('{:.2f}', spend_works_promo) END AS "作品推广消耗(元)",
        shift AS "班次"
    FROM sample_export_input
),
summary AS (
    SELECT
        1 AS part,
        NULL::TIMESTAMP AS sort_time,
        NULL AS sort_id,
        '合计' AS "直播ID",
        '-' AS "账号名称",
        '-' AS "开播时间",
        '-' AS "下播时间",
        CAST(sum(duration_s) // 3600 AS VARCHAR) || '小时' || CAST(sum(duration_s) % 3600 // 60 AS VARCHAR) || '分'
            || CAST(sum(duration_s) % 60 AS VARCHAR) || '秒' AS "直播时长",
        CAST(sum(impressions) AS VARCHAR) AS "直播间曝光人数",
        CAST(sum(viewers) AS VARCHAR) AS "观看人数",
        CAST(sum(views) AS VARCHAR) AS "观看人次",
        CAST(max(peak_online) AS VARCHAR) AS "最高在线人数",
        '-' AS "平均观看时长",
        CAST(sum(new_followers) AS VARCHAR) AS "涨粉数",
        '-' AS "粉丝总数",                     -- a stock does not add up
        CAST(sum(product_impressions) AS VARCHAR) AS "商品曝光人数",
        CAST(sum(product_clicks) AS VARCHAR) AS "商品点击人数",
        CAST(sum(orders) AS VARCHAR) AS "成交订单数",
        CAST(sum(buyers) AS VARCHAR) AS "成交人数",
        format('{:.2f}', sum(gmv)) AS "成交金额(元)",
        format('{:.2f}', sum(refunds)) AS "退款金额(元)",
        format('{:.2f}', sum(ad_gmv)) AS "广告成交金额(元)",
        coalesce(format('{:.2f}', sum(fans_gmv)), '-') AS "粉丝成交金额(元)",
        format('{:.2f}', coalesce(sum(spend_xiaodiantong), 0)) AS "小店通消耗(元)",
        format('{:.2f}', coalesce(sum(spend_jinniu), 0)) AS "磁力金牛消耗(元)",
        format('{:.2f}', coalesce(sum(spend_fentiao), 0)) AS "粉条消耗(元)",
        format('{:.2f}', coalesce(sum(spend_works_promo), 0)) AS "作品推广消耗(元)",
        '-' AS "班次"
    FROM sample_export_input
)
SELECT * EXCLUDE (part, sort_time, sort_id)
FROM (SELECT * FROM formatted UNION ALL BY NAME SELECT * FROM summary)
ORDER BY part, sort_time, sort_id
