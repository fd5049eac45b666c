-- Each ad row of the given accounts points at the session it overlaps most (ties: the earlier session id),
-- or NULL when it overlaps none (or is superseded by a finer report): unattributed, counted in
-- daily_metrics through unattributed_spend unless superseded.
-- Grain: every ad_spend row of those accounts. Parameters: $accounts.
UPDATE ad_spend AS a
SET session_id = (
    SELECT first(o.session_id ORDER BY o.overlap_s DESC, o.session_id)
    FROM ad_overlaps AS o
    WHERE o.ad_rowid = a.rowid
)
WHERE a.account IN (SELECT unnest($accounts));
