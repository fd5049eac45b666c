-- Schema version 4: what the platforms' real session lists carry beyond the version-1 contract.
-- sessions.anchor_id: the anchor's platform id as written (罗盘 主播抖音号 / 整场 抖音号or火山号), text — it
--   is often masked (`793****514`) and must never pass through a number. It keys a Douyin session that has
--   no room id (see queries/import/sessions_parse.sql).
-- sessions.net_gmv: 净成交金额 (罗盘: 直播间成交金额 − 1小时退款金额; 千川: 净成交金额), 元.
-- sessions.followers_lost: 取关粉丝数, the followers the session lost.
-- session_extras: every other known figure of a session list that the contract has no column for, one
--   row per session per field (README "Extra session figures" lists the fields; money in 元, rates as
--   fractions). A missing cell is no row; a re-import replaces the figure.
-- Idempotent (IF NOT EXISTS): safe to run again over a file that has it.
-- Grain: DDL. No parameters.
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS anchor_id VARCHAR;
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS net_gmv DOUBLE;
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS followers_lost BIGINT;
CREATE TABLE IF NOT EXISTS session_extras (
    session_id VARCHAR NOT NULL,
    field      VARCHAR NOT NULL,
    value      DOUBLE NOT NULL
);
