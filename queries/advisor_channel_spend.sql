-- Effective spend of one account's sessions per channel (channels as stored, unknown names included).
-- Parameters: $account. Grain: one row per session per channel with spend.
SELECT
    c.session_id,
    c.channel,
    c.spend
FROM session_channel_spend AS c
JOIN sessions AS s USING (session_id)
WHERE s.account = $account
ORDER BY c.session_id, c.channel;
