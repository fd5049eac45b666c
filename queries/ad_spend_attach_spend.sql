-- Report spend and ad GMV per session and channel: the sum of the shares in ad_overlaps.
-- Grain: one row per session per channel. No parameters (ad_overlaps holds the accounts).
INSERT INTO session_spend (session_id, channel, report_spend, report_ad_gmv)
SELECT session_id, channel, round(sum(spend_share), 2), round(sum(ad_gmv_share), 2)
FROM ad_overlaps
GROUP BY session_id, channel
ON CONFLICT (session_id, channel) DO UPDATE SET
    report_spend = EXCLUDED.report_spend,
    report_ad_gmv = EXCLUDED.report_ad_gmv;
