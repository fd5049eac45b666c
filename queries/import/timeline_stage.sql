-- Stage the valid rows of import_timeline_parsed for file $file_idx: each row at its own level (the room,
-- or the channel / plan the file names), plus one spend-only row per <渠道>消耗 cell of a room-level row.
-- A channel row the file gives explicitly wins over one made from a column. Grain: one row per account,
-- channel, plan and time. Parameters: $file_idx.
INSERT INTO import_stage_timeline
WITH valid AS (
    SELECT * FROM import_timeline_parsed WHERE len(errors) = 0
),
own AS (
    SELECT
        _row, account, channel, plan, form, minutes, t AS ts,
        online, viewers_in, gmv, orders, new_followers, spend, learning, 0 AS made
    FROM valid
),
from_columns AS (
    SELECT
        v._row, v.account, c.channel, '' AS plan, v.form, v.minutes, v.t AS ts,
        NULL::BIGINT AS online, NULL::BIGINT AS viewers_in, NULL::DOUBLE AS gmv, NULL::BIGINT AS orders,
        NULL::BIGINT AS new_followers, c.spend, NULL::VARCHAR AS learning, 1 AS made
    FROM valid AS v
    JOIN import_timeline_channel_cells AS c ON c._row = v._row
    WHERE v.channel = '' AND v.plan = '' AND c.spend IS NOT NULL
),
together AS (
    SELECT * FROM own
    UNION ALL
    SELECT * FROM from_columns
)
SELECT
    $file_idx, _row, account, channel, plan, form, minutes, ts,
    online, viewers_in, gmv, orders, new_followers, spend, learning
FROM together
QUALIFY row_number() OVER (PARTITION BY account, channel, plan, ts ORDER BY made, _row DESC) = 1;
