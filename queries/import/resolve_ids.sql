-- Sessions of file $file_idx that are already stored under another id: a row keyed by its anchor id
-- (罗盘 主播抖音号, 整场 抖音号or火山号) that is not stored yet, while a stored session has the same account and
-- the same start to the second. That is the same broadcast seen by another export (the 罗盘 list masks the
-- id one way, another file another way, or keys it by a room id), so the row updates the stored session
-- instead of adding a second one. Only where the match is one to one (two rows of the file claiming one
-- stored session, or one row matching two, are left as they are).
-- Grain: one row per staged session id to rename. Parameters: $file_idx.
CREATE OR REPLACE TEMP TABLE import_resolved AS
WITH candidates AS (
    SELECT n.session_id AS staged_id, s.session_id AS stored_id
    FROM import_stage_sessions AS n
    JOIN sessions AS s ON s.account = n.account AND s.started_at = n.started_at
    WHERE n.file_idx = $file_idx
      AND n.anchor_id IS NOT NULL
      AND s.session_id <> n.session_id
      AND NOT EXISTS (SELECT 1 FROM sessions AS x WHERE x.session_id = n.session_id)
      AND NOT EXISTS (
          SELECT 1 FROM import_stage_sessions AS o WHERE o.file_idx = $file_idx AND o.session_id = s.session_id
      )
)
SELECT staged_id, stored_id
FROM candidates
QUALIFY count(*) OVER (PARTITION BY staged_id) = 1 AND count(*) OVER (PARTITION BY stored_id) = 1;
