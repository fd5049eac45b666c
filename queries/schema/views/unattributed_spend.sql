-- Ad-report spend that overlaps no session of its account: kept in the daily totals, never dropped.
-- Rows a finer report of the same account, channel and day supersedes are the same money: not counted.
CREATE OR REPLACE VIEW unattributed_spend AS
SELECT
    account,
    CAST(period_start AS DATE) AS day,
    channel,
    sum(spend)  AS spend,
    sum(ad_gmv) AS ad_gmv
FROM ad_spend
WHERE session_id IS NULL AND superseded_by IS NULL
GROUP BY ALL;
