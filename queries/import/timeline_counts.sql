-- What writing file $file_idx's timeline rows will do: new keys, keys whose values change (a missing cell
-- keeps the stored value, so it changes nothing), and unchanged ones. Grain: one row.
-- Parameters: $file_idx.
WITH staged AS (
    SELECT * FROM import_stage_timeline WHERE file_idx = $file_idx
),
compared AS (
    SELECT
        p.account IS NULL AS is_new,
        p.account IS NOT NULL AND (
            (s.online IS NOT NULL AND s.online IS DISTINCT FROM p.online)
            OR (s.viewers_in IS NOT NULL AND s.viewers_in IS DISTINCT FROM p.viewers_in)
            OR (s.gmv IS NOT NULL AND s.gmv IS DISTINCT FROM p.gmv)
            OR (s.orders IS NOT NULL AND s.orders IS DISTINCT FROM p.orders)
            OR (s.new_followers IS NOT NULL AND s.new_followers IS DISTINCT FROM p.new_followers)
            OR (s.spend IS NOT NULL AND s.spend IS DISTINCT FROM p.spend)
            OR (s.learning IS NOT NULL AND s.learning IS DISTINCT FROM p.learning)
        ) AS is_changed
    FROM staged AS s
    LEFT JOIN timeline_points AS p
        ON p.account = s.account AND p.channel = s.channel AND p.plan = s.plan AND p.form = s.form
        AND p.minutes = s.minutes AND p.ts = s.ts
)
SELECT
    count(*) FILTER (WHERE is_new) AS inserted,
    count(*) FILTER (WHERE is_changed) AS updated,
    count(*) FILTER (WHERE NOT is_new AND NOT is_changed) AS unchanged
FROM compared;
