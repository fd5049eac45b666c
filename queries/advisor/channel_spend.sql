-- Effective spend per session and channel for the advisor's histories, as numbers instead of text (a
-- million session ids as strings cost more to hand to pandas than the rest of the load, and numbering
-- the sessions in their sort order here would sort them a second time): session_row is the session's
-- rowid as advisor_sessions.sql returns it (same WHERE), channel_pos the row of the channel in
-- advisor_channels.sql (same ORDER BY). Read all three in one transaction (one snapshot).
-- Channels as stored, unknown names included.
-- Parameters: $accounts (VARCHAR[]; NULL = every account). Grain: one row per session per channel.
WITH chosen AS (
    SELECT
        session_id,
        rowid AS session_row
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
    s.session_row,
    k.channel_pos,
    c.spend
FROM session_channel_spend AS c
JOIN chosen AS s USING (session_id)
JOIN channels AS k USING (channel);
