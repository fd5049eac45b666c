-- Effective spend per session and channel: the ad platform's report wins over the session export.
CREATE OR REPLACE VIEW session_channel_spend AS
SELECT
    session_id,
    channel,
    coalesce(report_spend, export_spend, 0) AS spend,
    report_ad_gmv
FROM session_spend;
