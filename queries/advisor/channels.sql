-- Every channel with spend rows, in the order whose row number is advisor_channel_spend.sql's
-- channel_pos. No parameters. Grain: one row per channel name as stored.
SELECT channel
FROM (SELECT DISTINCT channel FROM session_channel_spend)
ORDER BY channel;
