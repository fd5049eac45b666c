-- The sample brand's spend per session and channel, as an import of both files would leave it: the
-- session export's figure in export_spend, the ad report's hourly rows summed per session in
-- report_spend/report_ad_gmv. Grain: one row per (session_id, channel).
-- Reads the registered frames sample_spend and sample_ad_report. No parameters.
INSERT INTO session_spend (session_id, channel, export_spend, report_spend, report_ad_gmv)
WITH report AS (
    SELECT
        session_id,
        channel,
        round(sum(spend), 2)  AS report_spend,
        round(sum(ad_gmv), 2) AS report_ad_gmv
    FROM sample_ad_report
    WHERE session_id IS NOT NULL
    GROUP BY session_id, channel
)
SELECT
    coalesce(e.session_id, r.session_id) AS session_id,
    coalesce(e.channel, r.channel)       AS channel,
    e.spend                              AS export_spend,
    r.report_spend,
    r.report_ad_gmv
FROM sample_spend AS e
FULL OUTER JOIN report AS r ON r.session_id = e.session_id AND r.channel = e.channel
