-- A snapshot file (千川 直播大屏 累计数据): every row is the room's running totals at its scrape time
-- (started_at holds 采集时间), so the rows of one session must never be added up. Keep, per session, the
-- last snapshot — its figures are the session's — and mark the earlier ones as skipped (_summary: they are
-- superseded, not lost: the last one includes them). The kept row starts at the session's first scrape
-- and ends at its last.
-- A session is a run of one anchor's (account) snapshots in time order; a new one begins after a gap of
-- more than $gap_minutes, or where a running total falls (GMV or ad GMV lower than in the snapshot
-- before: the counters were reset for a new broadcast). Rows without a readable time or account are left
-- as they are (the parse rejects them).
-- 采集时间 may be a time of day only (the scraper's file is one day, `<YYYY-MM-DD>_直播大屏累计数据.csv`):
-- it is then on $file_date, the date in the file name (NULL when the name has none: such rows stay
-- unreadable and are rejected).
-- The UPDATE is of import_rows_data, the table behind the view import_rows.
-- Grain: one row per snapshot row changed. Parameters: $gap_minutes, $file_date (ISO date text or NULL).
UPDATE import_rows_data AS r
SET
    _summary = NOT s.is_last,
    started_at = CASE WHEN s.is_last THEN strftime(s.first_at, '%Y-%m-%d %H:%M:%S') ELSE r.started_at END,
    ended_at = CASE WHEN s.is_last THEN strftime(s.snap_at, '%Y-%m-%d %H:%M:%S') ELSE r.ended_at END,
    _hash = CASE WHEN s.is_last THEN hash(r._hash, s.first_at) ELSE r._hash END
FROM (
    WITH snaps AS (
        SELECT
            _row,
            liveroi_clean(account) AS anchor,
            coalesce(
                liveroi_timestamp_of_raw(started_at),
                CAST($file_date AS DATE) + TRY_CAST(liveroi_clean(started_at) AS TIME)
            ) AS snap_at,
            liveroi_number_of_raw(gmv) AS gmv_total,
            liveroi_number_of_raw(ad_gmv) AS ad_gmv_total
        FROM import_rows
        WHERE NOT _blank AND NOT _summary
    ),
    stepped AS (
        SELECT
            *,
            CASE
                WHEN lag(snap_at) OVER (PARTITION BY anchor ORDER BY snap_at, _row) IS NULL THEN 1
                WHEN snap_at - lag(snap_at) OVER (PARTITION BY anchor ORDER BY snap_at, _row) > to_minutes(CAST($gap_minutes AS BIGINT)) THEN 1
                WHEN gmv_total < lag(gmv_total) OVER (PARTITION BY anchor ORDER BY snap_at, _row) THEN 1
                WHEN ad_gmv_total < lag(ad_gmv_total) OVER (PARTITION BY anchor ORDER BY snap_at, _row) THEN 1
                ELSE 0
            END AS starts
        FROM snaps
        WHERE anchor IS NOT NULL AND snap_at IS NOT NULL
    ),
    numbered AS (
        SELECT *, sum(starts) OVER (PARTITION BY anchor ORDER BY snap_at, _row) AS session_no FROM stepped
    )
    SELECT
        _row,
        snap_at,
        min(snap_at) OVER (PARTITION BY anchor, session_no) AS first_at,
        row_number() OVER (PARTITION BY anchor, session_no ORDER BY snap_at DESC, _row DESC) = 1 AS is_last
    FROM numbered
) AS s
WHERE r._row = s._row;
