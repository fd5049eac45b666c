-- Report spend and ad GMV per session and channel — the sum of the shares in ad_overlaps — for the
-- (session, channel) pairs with no session_spend row yet (an anti-join: session_spend has no primary key;
-- ad_spend_attach_spend_update ran first for the others).
-- Grain: one row per new session per channel. No parameters (ad_overlaps holds the accounts).
INSERT INTO session_spend (session_id, channel, report_spend, report_ad_gmv)
SELECT session_id, channel, round(sum(spend_share), 2), round(sum(ad_gmv_share), 2)
FROM ad_overlaps AS a
WHERE NOT EXISTS (SELECT 1 FROM session_spend AS o WHERE o.session_id = a.session_id AND o.channel = a.channel)
GROUP BY session_id, channel;
