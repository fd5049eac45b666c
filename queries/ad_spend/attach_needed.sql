-- Whether re-attaching ad spend for the given accounts can change anything: they have ad-spend rows, or
-- some session holds report spend (which the reset would clear). False for a brand that imports session
-- exports only — the attach steps are then skipped. Grain: one row. Parameters: $accounts.
SELECT
    EXISTS (SELECT 1 FROM ad_spend WHERE account IN (SELECT unnest($accounts)))
    OR EXISTS (SELECT 1 FROM session_spend WHERE report_spend IS NOT NULL OR report_ad_gmv IS NOT NULL)
        AS needed;
