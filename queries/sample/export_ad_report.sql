-- The sample brand's ad-spend report as the 磁力金牛 back-end exports it: one row per plan per hour.
-- Grain: one row per (period_start, account, channel, plan). Reads the registered frame
-- sample_export_ad_input (period_start, account, channel_label, plan, spend, ad_gmv). No parameters.
SELECT
    strftime(period_start, '%Y-%m-%d %H:%M') AS "时间",
    account AS "账号",
    channel_label AS "推广工具",
    plan AS "计划名称",
    format('{:.2f}', spend) AS "消耗(元)",
    format('{:.2f}', ad_gmv) AS "广告成交金额(元)"
FROM sample_export_ad_input
ORDER BY period_start, account, channel_label, plan
