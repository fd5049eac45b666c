-- The import log of precedence: for every account, channel and day of the given accounts that more
-- than one report covers, which report was counted and which was set aside, with each one's spend and ad
-- GMV, written under import $import_id (the import that made the choice current).
-- Grain: one row per account, channel, day and superseded layout. Parameters: $accounts, $import_id.
INSERT INTO ad_precedence
WITH per_layout AS (
    SELECT
        account, channel, CAST(period_start AS DATE) AS day, layout,
        any_value(superseded_by) AS superseded_by,
        round(sum(spend), 2) AS spend,
        round(sum(ad_gmv), 2) AS ad_gmv
    FROM ad_spend
    WHERE account IN (SELECT unnest($accounts))
    GROUP BY ALL
)
SELECT $import_id, s.account, s.channel, s.day, c.layout, c.spend, c.ad_gmv, s.layout, s.spend, s.ad_gmv
FROM per_layout AS s
JOIN per_layout AS c
    ON c.account = s.account AND c.channel = s.channel AND c.day = s.day AND c.superseded_by IS NULL
WHERE s.superseded_by IS NOT NULL;
