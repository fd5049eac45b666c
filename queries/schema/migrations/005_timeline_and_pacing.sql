-- Schema version 5: the broadcast timeline (one row per time bucket of a live room, or per snapshot of a
-- running total) and the pacing rules' settings.
-- Why: liveroi stopped at the whole session; practitioners watch a broadcast in 1/5/15/60-minute steps
-- and pace spend inside it. Timeline rows are kept as the file gives them (a cumulative snapshot keeps its
-- running totals); the view session_timeline differences snapshots, attaches buckets to sessions by time
-- and picks one source per session, so a file's order of arrival never changes the result. Nothing here
-- feeds sessions, session_spend or daily_metrics: a session's totals stay its export's.
-- Grain: new tables; one defaults row in pacing_settings. No parameters.
CREATE TABLE IF NOT EXISTS timeline_points (
    account       VARCHAR NOT NULL,
    channel       VARCHAR NOT NULL DEFAULT '',   -- paid channel key (liveroi.channels), '' = not per channel
    plan          VARCHAR NOT NULL DEFAULT '',   -- ad plan name, '' = not per plan
    form          VARCHAR NOT NULL,              -- 'bucket' (flows of one bucket) | 'cumulative' (running totals)
    minutes       DOUBLE NOT NULL,               -- bucket length for 'bucket' rows; 0 for snapshots
    ts            TIMESTAMP NOT NULL,            -- bucket start ('bucket') or snapshot time ('cumulative')
    online        BIGINT,                        -- viewers online at that time (a level, never differenced)
    viewers_in    BIGINT,                        -- viewers who entered the room (进入直播间人数)
    gmv           DOUBLE,
    orders        BIGINT,
    new_followers BIGINT,
    spend         DOUBLE,
    learning      VARCHAR,                       -- 'learning' (学习期) | 'learned' (学习期结束) | 'failed' (学习期失败)
    import_id     BIGINT,
    PRIMARY KEY (account, channel, plan, form, minutes, ts)
);

-- Pacing rules per account; account '*' holds the defaults (editable on the Settings page).
CREATE TABLE IF NOT EXISTS pacing_settings (
    account        VARCHAR PRIMARY KEY,
    min_window_min DOUBLE,                       -- minutes observed since the last change before judging
    min_spend      DOUBLE,                       -- CNY spent since the last change before judging
    cooldown_min   DOUBLE,                       -- minutes between two changes of the same target
    step_min       DOUBLE,                       -- smallest change suggested, fraction
    step_max       DOUBLE,                       -- largest change suggested, fraction (at most 0.3)
    raise_margin   DOUBLE,                       -- raise only when ROI >= break-even × (1 + raise_margin)
    updated_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
);
INSERT INTO pacing_settings (account, min_window_min, min_spend, cooldown_min, step_min, step_max, raise_margin)
VALUES ('*', 30, 500, 60, 0.1, 0.2, 0.2)
ON CONFLICT DO NOTHING;
