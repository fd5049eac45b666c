-- Which report's rows count when several reports describe the same money: for one account, paid channel
-- and day, the rows of the finest report present (lowest grain, the layout's precedence rank — a unit or
-- creative report before an hourly account report before a daily account report before an agency spend
-- export; ties by layout name, so the choice does not depend on import order) are counted, and every
-- other report's rows of that day are kept but marked superseded_by that layout (not attributed to
-- sessions, not in unattributed_spend). Recomputed from scratch for the accounts touched.
-- Grain: every ad_spend row of those accounts. Parameters: $accounts (list of account names).
UPDATE ad_spend AS a
SET superseded_by = CASE WHEN a.layout = w.counted THEN NULL ELSE w.counted END
FROM (
    SELECT account, channel, CAST(period_start AS DATE) AS day, first(layout ORDER BY grain, layout) AS counted
    FROM ad_spend
    WHERE account IN (SELECT unnest($accounts))
    GROUP BY ALL
) AS w
WHERE a.account = w.account AND a.channel = w.channel AND CAST(a.period_start AS DATE) = w.day
  AND a.superseded_by IS DISTINCT FROM CASE WHEN a.layout = w.counted THEN NULL ELSE w.counted END;
