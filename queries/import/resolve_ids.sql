-- Sessions of file $file_idx that are already stored under another id, and are the same broadcast:
-- - a row keyed by its anchor id (罗盘 主播抖音号, 整场 抖音号or火山号) whose id is not stored, while a stored
--   session has the same account and the same start to the second (another export masked the id another
--   way, or keyed the session by a room id);
-- - a snapshot session (千川 直播大屏: it starts at the first scrape, not at the broadcast's start) and a
--   stored session of the same account overlapping it in time — either side may be the snapshot one. A
--   snapshot row then keeps the stored start and end (a session list knows them; the scrapes do not).
-- The row then updates the stored session instead of adding a second one. Only one-to-one matches (two
-- rows of the file claiming one stored session, or one row matching two, are left as they are).
-- Grain: one row per staged session id to rename. Parameters: $file_idx, $kind ('sessions' | 'snapshots').
CREATE OR REPLACE TEMP TABLE import_resolved AS
WITH staged AS (
    SELECT n.session_id, n.account, n.started_at, coalesce(n.ended_at, n.started_at) AS ended_at, n.anchor_id
    FROM import_stage_sessions AS n
    WHERE n.file_idx = $file_idx
      AND (n.anchor_id IS NOT NULL OR $kind = 'snapshots')
      AND NOT EXISTS (SELECT 1 FROM sessions AS x WHERE x.session_id = n.session_id)
),
candidates AS (
    SELECT
        n.session_id AS staged_id,
        s.session_id AS stored_id,
        s.started_at AS stored_started_at,
        s.ended_at AS stored_ended_at
    FROM staged AS n
    JOIN sessions AS s ON s.account = n.account AND s.session_id <> n.session_id
    LEFT JOIN imports AS i ON i.import_id = s.import_id
    WHERE (
        (n.anchor_id IS NOT NULL AND s.started_at = n.started_at)
        OR (
            ($kind = 'snapshots' OR i.kind = 'snapshots')
            AND s.started_at <= n.ended_at
            AND coalesce(s.ended_at, s.started_at + to_microseconds(CAST(coalesce(s.duration_min, 0) * 60e6 AS BIGINT)))
                >= n.started_at
        )
    )
      AND NOT EXISTS (
          SELECT 1 FROM import_stage_sessions AS o WHERE o.file_idx = $file_idx AND o.session_id = s.session_id
      )
)
SELECT staged_id, stored_id, stored_started_at, stored_ended_at, $kind = 'snapshots' AS keep_stored_times
FROM candidates
QUALIFY count(*) OVER (PARTITION BY staged_id) = 1 AND count(*) OVER (PARTITION BY stored_id) = 1;
