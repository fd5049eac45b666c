-- Schema version 3: an ad-report row keeps what identifies it, and which report it came from.
-- Why: ad_spend was keyed by (account, channel, plan, period_start), so the rows of different ad groups
-- (units), creatives or materials under one plan and period collapsed into one — the importer rejected
-- all but the last as repeats and half of a 磁力金牛 unit report's spend was lost. Rows now keep
-- plan_id / unit / unit_id / creative / creative_id / material / material_id ('' when the report has no
-- such column) and the layout they were read as (liveroi.importer.layouts), all part of the key: two
-- reports of the same money (a unit report and an account daily report of one account) are both kept,
-- and `superseded_by` names the finer report that is counted instead (queries/ad_spend/precedence.sql);
-- `grain` is that layout's precedence rank (lower = finer). Existing rows become 'generic_ad_report'.
-- extras: the report's other known figures (GMV attribution windows T+1 … T+30, orders, net GMV …).
-- imports.layout: the layout each file was read as. ad_precedence: which report a day's spend of an
-- account and channel was taken from, and which it set aside, per import (the import log of item 4).
-- account_ids: an ad platform's account id → the account name a report with both columns gave it (磁力金牛
-- 账户ID → 账户名称), so a report without an account column imported with `--account <id>` lands on the
-- same account as the reports that name it.
-- Grain: the whole ad_spend table, rewritten; new columns and tables. No parameters.
CREATE TABLE ad_spend_v3 (
    account       VARCHAR NOT NULL,
    channel       VARCHAR NOT NULL,
    layout        VARCHAR NOT NULL DEFAULT 'generic_ad_report',
    plan          VARCHAR NOT NULL DEFAULT '',
    plan_id       VARCHAR NOT NULL DEFAULT '',
    unit          VARCHAR NOT NULL DEFAULT '',
    unit_id       VARCHAR NOT NULL DEFAULT '',
    creative      VARCHAR NOT NULL DEFAULT '',
    creative_id   VARCHAR NOT NULL DEFAULT '',
    material      VARCHAR NOT NULL DEFAULT '',
    material_id   VARCHAR NOT NULL DEFAULT '',
    period_start  TIMESTAMP NOT NULL,
    period_end    TIMESTAMP NOT NULL,
    spend         DOUBLE NOT NULL,
    ad_gmv        DOUBLE,
    extras        MAP(VARCHAR, DOUBLE),              -- other figures of the report: gmv_direct,
                                                     -- gmv_t1 … gmv_t30, orders, net_gmv, refunds_1h,
                                                     -- coupon, new_followers (headers.AD_EXTRAS)
    session_id    VARCHAR,
    import_id     BIGINT,
    grain         INTEGER NOT NULL DEFAULT 20,
    superseded_by VARCHAR,
    PRIMARY KEY (
        account, channel, layout, plan, plan_id, unit, unit_id, creative, creative_id, material,
        material_id, period_start
    )
);
INSERT INTO ad_spend_v3 (account, channel, plan, period_start, period_end, spend, ad_gmv, session_id, import_id)
SELECT account, channel, plan, period_start, period_end, spend, ad_gmv, session_id, import_id
FROM ad_spend;
DROP TABLE ad_spend;
ALTER TABLE ad_spend_v3 RENAME TO ad_spend;
ALTER TABLE imports ADD COLUMN IF NOT EXISTS layout VARCHAR;
CREATE TABLE IF NOT EXISTS ad_precedence (
    import_id         BIGINT NOT NULL,
    account           VARCHAR NOT NULL,
    channel           VARCHAR NOT NULL,
    day               DATE NOT NULL,
    counted_layout    VARCHAR NOT NULL,
    counted_spend     DOUBLE,
    counted_ad_gmv    DOUBLE,
    superseded_layout VARCHAR NOT NULL,
    superseded_spend  DOUBLE,
    superseded_ad_gmv DOUBLE
);
CREATE TABLE IF NOT EXISTS account_ids (
    account_id VARCHAR PRIMARY KEY,
    account    VARCHAR NOT NULL
);
