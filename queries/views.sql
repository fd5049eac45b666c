-- Views of the data contract (DESIGN.md §3–4), re-created by liveroi.db.migrate() on every schema change.
-- Ratios with a zero or missing denominator are NULL (shown as —), never inf or 0.

-- Effective spend per session and channel: the ad platform's report wins over the session export.
CREATE OR REPLACE VIEW session_channel_spend AS
SELECT
    session_id,
    channel,
    coalesce(report_spend, export_spend, 0) AS spend,
    report_ad_gmv
FROM session_spend;

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
        s.product_impressions,
        s.product_clicks,
        s.orders,
        s.buyers,
        s.gmv,
        s.refunds,
        coalesce(s.ad_gmv, sp.report_ad_gmv) AS ad_gmv,
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

-- Ad-report spend that overlaps no session of its account: kept in the daily totals, never dropped.
CREATE OR REPLACE VIEW unattributed_spend AS
SELECT
    account,
    CAST(period_start AS DATE) AS day,
    channel,
    sum(spend)  AS spend,
    sum(ad_gmv) AS ad_gmv
FROM ad_spend
WHERE session_id IS NULL
GROUP BY ALL;

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

-- Settings in force per account: the account's own row over the defaults row ('*'), the refund rate
-- estimated from history when not set, and the break-even ROIs that follow (DESIGN.md §4).
CREATE OR REPLACE VIEW account_settings AS
WITH known AS (
    SELECT account FROM accounts
    UNION
    SELECT DISTINCT account FROM sessions
),
history AS (
    SELECT account, sum(refunds) / nullif(sum(gmv), 0) AS historical_refund_rate
    FROM sessions
    GROUP BY account
),
merged AS (
    SELECT
        k.account,
        coalesce(a.gross_margin, d.gross_margin, 0.5) AS gross_margin,
        coalesce(a.refund_rate, d.refund_rate, h.historical_refund_rate, 0) AS refund_rate,
        coalesce(a.target_roi, d.target_roi)         AS target_roi,
        coalesce(a.budget_cap, d.budget_cap)         AS budget_cap,
        coalesce(a.max_change, d.max_change, 0.3)    AS max_change,
        coalesce(a.follower_value, d.follower_value) AS follower_value,
        coalesce(a.min_roi, d.min_roi)               AS min_roi
    FROM known AS k
    LEFT JOIN settings AS a ON a.account = k.account
    LEFT JOIN settings AS d ON d.account = '*'
    LEFT JOIN history AS h ON h.account = k.account
)
SELECT
    *,
    1 / nullif(gross_margin * (1 - refund_rate), 0) AS breakeven_roi,      -- against whole-room ROI
    1 / nullif(gross_margin, 0)                     AS breakeven_net_roi   -- against net ROI (refunds out)
FROM merged;
