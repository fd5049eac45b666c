-- One row per session: the canonical columns plus derived metrics. Stable: documented in README.md.
-- The spend pivot is a LATERAL subquery, not a CTE over all of session_spend: DuckDB decorrelates it
-- into a join on only the sessions that pass the caller's filters, so one account's month sums ~100
-- sessions' spend instead of every row (at 1M sessions: 370 ms → 22 ms for one account's daily series,
-- benchmarks/analysis.md §1). A full scan is ~25 % slower, the right trade for a dashboard.
CREATE OR REPLACE VIEW session_metrics AS
WITH base AS (
    SELECT
        s.session_id,
        s.account,
        CAST(s.started_at AS DATE) AS day,
        s.started_at,
        coalesce(s.ended_at, s.started_at + to_microseconds(CAST(s.duration_min * 60e6 AS BIGINT))) AS ended_at,
        coalesce(s.duration_min, date_diff('second', s.started_at, s.ended_at) / 60.0) AS duration_min,
        s.shift,
        s.impressions,
        s.viewers,
        s.views,
        s.peak_online,
        s.avg_watch_s,
        s.new_followers,
        s.followers_total,
        s.fans_gmv,
        s.fans_buyers,
        s.product_impressions,
        s.product_clicks,
        s.orders,
        s.buyers,
        s.gmv,
        s.refunds,
        coalesce(s.ad_gmv, sp.report_ad_gmv) AS ad_gmv,
        s.net_gmv,
        s.followers_lost,
        s.anchor_id,
        coalesce(sp.spend_xiaodiantong, 0) AS spend_xiaodiantong,
        coalesce(sp.spend_jinniu, 0)       AS spend_jinniu,
        coalesce(sp.spend_fentiao, 0)      AS spend_fentiao,
        coalesce(sp.spend_works_promo, 0)  AS spend_works_promo,
        coalesce(sp.spend_live_promo, 0)   AS spend_live_promo,
        coalesce(sp.spend_qianchuan, 0)    AS spend_qianchuan,
        coalesce(sp.spend_douplus, 0)      AS spend_douplus,
        coalesce(sp.spend_other, 0)        AS spend_other,
        coalesce(sp.total_spend, 0)        AS total_spend
    FROM sessions AS s
    LEFT JOIN LATERAL (
        SELECT
            sum(c.spend) AS total_spend,
            sum(c.spend) FILTER (WHERE c.channel = 'xiaodiantong') AS spend_xiaodiantong,
            sum(c.spend) FILTER (WHERE c.channel = 'jinniu')       AS spend_jinniu,
            sum(c.spend) FILTER (WHERE c.channel = 'fentiao')      AS spend_fentiao,
            sum(c.spend) FILTER (WHERE c.channel = 'works_promo')  AS spend_works_promo,
            sum(c.spend) FILTER (WHERE c.channel = 'live_promo')   AS spend_live_promo,
            sum(c.spend) FILTER (WHERE c.channel = 'qianchuan')    AS spend_qianchuan,
            sum(c.spend) FILTER (WHERE c.channel = 'douplus')      AS spend_douplus,
            sum(c.spend) FILTER (WHERE c.channel NOT IN ('xiaodiantong', 'jinniu', 'fentiao', 'works_promo',
                                                         'live_promo', 'qianchuan', 'douplus')) AS spend_other,
            sum(c.report_ad_gmv) AS report_ad_gmv
        FROM session_channel_spend AS c
        WHERE c.session_id = s.session_id
    ) AS sp ON true
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
    gmv / nullif(views, 0) * 1000                         AS gpm      -- per 1,000 views (观看人次)
FROM base;
