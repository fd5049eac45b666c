-- The sample brand's ad-report rows (hourly per plan), with the session each is attributed to
-- (NULL = the warm-up plans outside every session: unattributed, kept in daily totals).
-- Grain: one row per (account, channel, plan, period_start). Reads the registered frame sample_ad_report.
INSERT INTO ad_spend (account, channel, plan, period_start, period_end, spend, ad_gmv, session_id)
SELECT
    account,
    channel,
    plan,
    period_start,
    period_start + INTERVAL 1 HOUR AS period_end,
    spend,
    ad_gmv,
    session_id
FROM sample_ad_report
