-- One row per account per day (day of the session start), unattributed ad spend included.
CREATE OR REPLACE VIEW daily_metrics AS
WITH sessions_day AS (
    SELECT
        account,
        day,
        count(*)                 AS sessions,
        sum(duration_min)        AS duration_min,
        sum(impressions)         AS impressions,
        sum(viewers)             AS viewers,
        sum(views)               AS views,
        max(peak_online)         AS peak_online,
        sum(avg_watch_s * viewers) / nullif(sum(viewers), 0) AS avg_watch_s,
        sum(new_followers)       AS new_followers,
        sum(product_impressions) AS product_impressions,
        sum(product_clicks)      AS product_clicks,
        sum(orders)              AS orders,
        sum(buyers)              AS buyers,
        sum(gmv)                 AS gmv,
        sum(refunds)             AS refunds,
        sum(ad_gmv)              AS ad_gmv,
        sum(spend_xiaodiantong)  AS spend_xiaodiantong,
        sum(spend_jinniu)        AS spend_jinniu,
        sum(spend_fentiao)       AS spend_fentiao,
        sum(spend_works_promo)   AS spend_works_promo,
        sum(spend_live_promo)    AS spend_live_promo,
        sum(spend_qianchuan)     AS spend_qianchuan,
        sum(spend_douplus)       AS spend_douplus,
        sum(spend_other)         AS spend_other,
        sum(total_spend)         AS session_spend
    FROM session_metrics
    GROUP BY account, day
),
unattributed_day AS (
    SELECT
        account,
        day,
        sum(spend) FILTER (WHERE channel = 'xiaodiantong') AS u_xiaodiantong,
        sum(spend) FILTER (WHERE channel = 'jinniu')       AS u_jinniu,
        sum(spend) FILTER (WHERE channel = 'fentiao')      AS u_fentiao,
        sum(spend) FILTER (WHERE channel = 'works_promo')  AS u_works_promo,
        sum(spend) FILTER (WHERE channel = 'live_promo')   AS u_live_promo,
        sum(spend) FILTER (WHERE channel = 'qianchuan')    AS u_qianchuan,
        sum(spend) FILTER (WHERE channel = 'douplus')      AS u_douplus,
        sum(spend) FILTER (WHERE channel NOT IN ('xiaodiantong', 'jinniu', 'fentiao', 'works_promo',
                                                 'live_promo', 'qianchuan', 'douplus')) AS u_other,
        sum(spend)  AS unattributed_spend,
        sum(ad_gmv) AS unattributed_ad_gmv
    FROM unattributed_spend
    GROUP BY account, day
),
combined AS (
    SELECT
        coalesce(s.account, u.account) AS account,
        coalesce(s.day, u.day)         AS day,
        coalesce(s.sessions, 0)        AS sessions,
        s.duration_min, s.impressions, s.viewers, s.views, s.peak_online, s.avg_watch_s,
        s.new_followers, s.product_impressions, s.product_clicks, s.orders, s.buyers,
        s.gmv, s.refunds,
        CASE WHEN s.ad_gmv IS NULL AND u.unattributed_ad_gmv IS NULL THEN NULL
             ELSE coalesce(s.ad_gmv, 0) + coalesce(u.unattributed_ad_gmv, 0) END AS ad_gmv,
        coalesce(s.spend_xiaodiantong, 0) + coalesce(u.u_xiaodiantong, 0) AS spend_xiaodiantong,
        coalesce(s.spend_jinniu, 0)       + coalesce(u.u_jinniu, 0)       AS spend_jinniu,
        coalesce(s.spend_fentiao, 0)      + coalesce(u.u_fentiao, 0)      AS spend_fentiao,
        coalesce(s.spend_works_promo, 0)  + coalesce(u.u_works_promo, 0)  AS spend_works_promo,
        coalesce(s.spend_live_promo, 0)   + coalesce(u.u_live_promo, 0)   AS spend_live_promo,
        coalesce(s.spend_qianchuan, 0)    + coalesce(u.u_qianchuan, 0)    AS spend_qianchuan,
        coalesce(s.spend_douplus, 0)      + coalesce(u.u_douplus, 0)      AS spend_douplus,
        coalesce(s.spend_other, 0)        + coalesce(u.u_other, 0)        AS spend_other,
        coalesce(u.unattributed_spend, 0) AS unattributed_spend,
        coalesce(s.session_spend, 0) + coalesce(u.unattributed_spend, 0) AS total_spend
    FROM sessions_day AS s
    FULL OUTER JOIN unattributed_day AS u ON s.account = u.account AND s.day = u.day
)
SELECT
    *,
    gmv / nullif(total_spend, 0)                          AS roi,
    (gmv - coalesce(refunds, 0)) / nullif(total_spend, 0) AS net_roi,
    ad_gmv / nullif(total_spend, 0)                       AS ad_roi,
    total_spend / nullif(new_followers, 0)                AS cost_per_follower,
    new_followers / nullif(viewers, 0)                    AS follow_rate,
    buyers / nullif(viewers, 0)                           AS conversion_rate,
    gmv / nullif(buyers, 0)                               AS aov,
    gmv / nullif(viewers, 0)                              AS uv_value,
    gmv / nullif(views, 0) * 1000                         AS gpm
FROM combined;
