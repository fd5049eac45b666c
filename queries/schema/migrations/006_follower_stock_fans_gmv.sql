-- Schema version 6: followers as an asset.
-- sessions.followers_total: the account's follower count at the session's end (粉丝总数, 累计粉丝数 …).
-- sessions.fans_gmv: GMV paid by followers (粉丝成交金额), 元; sessions.fans_buyers: 粉丝成交人数.
-- settings.followers_before: the account's followers before its first imported session, for the
--   10万 milestone and the follower stock when the exports carry no 粉丝总数 (NULL = not known).
-- Together with followers_lost (version 4) they measure what a follower is worth
-- (liveroi/economics.py follower_value). Idempotent (IF NOT EXISTS). Grain: DDL. No parameters.
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS followers_total BIGINT;
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS fans_gmv DOUBLE;
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS fans_buyers BIGINT;
ALTER TABLE settings ADD COLUMN IF NOT EXISTS followers_before BIGINT;
