-- Each ad row of the given accounts points at the session it overlaps most (ties: the earlier session id),
-- or NULL when it overlaps none: unattributed, counted in daily_metrics through unattributed_spend.
-- Grain: every ad_spend row of those accounts. Parameters: $accounts.
UPDATE ad_spend AS a
SET session_id = (
    SELECT first(o.session_id ORDER BY o.overlap_s DESC, o.session_id)
    FROM ad_overlaps AS o
    WHERE o.account = a.account AND o.channel = a.channel AND o.plan = a.plan
      AND o.period_start = a.period_start
)
WHERE a.account IN (SELECT unnest($accounts));
