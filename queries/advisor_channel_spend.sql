-- Effective spend per session and channel for the advisor's histories, as positions instead of text
-- (a million session ids as strings cost more to hand to pandas than the rest of the load):
-- session_pos is the row of the session in advisor_sessions.sql (same WHERE and ORDER BY), channel_pos
-- the row of the channel in advisor_channels.sql (same ORDER BY). Read all three in one transaction.
-- Channels as stored, unknown names included.
-- Parameters: $accounts (VARCHAR[]; NULL = every account). Grain: one row per session per channel.
WITH chosen AS (
    SELECT
        session_id,
        row_number() OVER (ORDER BY account, started_at, session_id) - 1 AS session_pos
    FROM sessions
    WHERE $accounts IS NULL OR account = ANY($accounts)
),
channels AS (
    SELECT
        channel,
        row_number() OVER (ORDER BY channel) - 1 AS channel_pos
    FROM (SELECT DISTINCT channel FROM session_channel_spend)
)
SELECT
    s.session_pos,
    k.channel_pos,
    c.spend
FROM session_channel_spend AS c
JOIN chosen AS s USING (session_id)
JOIN channels AS k USING (channel);
