-- Schema version 7: settings of the whole brand, not of one account.
-- brand_settings.test_share: the share of one brand budget kept as a test allowance for the accounts
--   still being measured (liveroi/advisor/brand.py); NULL = the built-in default (10 %).
-- One row, brand = '*' (a database holds one brand); none until the Settings page saves it.
-- Idempotent (IF NOT EXISTS). Grain: DDL. No parameters.
CREATE TABLE IF NOT EXISTS brand_settings (
    brand      VARCHAR PRIMARY KEY,   -- always '*'
    test_share DOUBLE,                -- [0, 1]; NULL = built-in default
    updated_at TIMESTAMP
);
