-- Ad-report spend that overlaps no session of its account: kept in the daily totals, never dropped.
CREATE OR REPLACE VIEW unattributed_spend AS
SELECT
    account,
    CAST(period_start AS DATE) AS day,
    channel,
    sum(spend)  AS spend,
    sum(ad_gmv) AS ad_gmv
FROM ad_spend
WHERE session_id IS NULL
GROUP BY ALL;
