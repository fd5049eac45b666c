-- Report spend and ad GMV per session and channel — the sum of the shares in ad_overlaps — into the
-- session_spend rows that exist (ad_spend_attach_spend_insert adds the others).
-- Grain: one row per session per channel with report spend. No parameters (ad_overlaps holds the accounts).
UPDATE session_spend AS o
SET report_spend = r.report_spend, report_ad_gmv = r.report_ad_gmv
FROM (
    SELECT session_id, channel, round(sum(spend_share), 2) AS report_spend, round(sum(ad_gmv_share), 2) AS report_ad_gmv
    FROM ad_overlaps
    GROUP BY session_id, channel
) AS r
WHERE o.session_id = r.session_id AND o.channel = r.channel;
