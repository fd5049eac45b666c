-- Settings in force per account: the account's own row over the defaults row ('*'), the refund rate
-- estimated from history when not set, and the break-even ROIs that follow. followers_before (the
-- followers an account had before its first imported session) is the account's own, never inherited.
CREATE OR REPLACE VIEW account_settings AS
WITH known AS (
    SELECT account FROM accounts
    UNION
    SELECT DISTINCT account FROM sessions
),
history AS (
    SELECT account, sum(refunds) / nullif(sum(gmv), 0) AS historical_refund_rate
    FROM sessions
    GROUP BY account
),
merged AS (
    SELECT
        k.account,
        coalesce(a.gross_margin, d.gross_margin, 0.5) AS gross_margin,
        coalesce(a.refund_rate, d.refund_rate, h.historical_refund_rate, 0) AS refund_rate,
        coalesce(a.target_roi, d.target_roi)         AS target_roi,
        coalesce(a.budget_cap, d.budget_cap)         AS budget_cap,
        coalesce(a.max_change, d.max_change, 0.3)    AS max_change,
        coalesce(a.follower_value, d.follower_value) AS follower_value,
        coalesce(a.min_roi, d.min_roi)               AS min_roi,
        a.followers_before                           AS followers_before  -- the account's own: no default
    FROM known AS k
    LEFT JOIN settings AS a ON a.account = k.account
    LEFT JOIN settings AS d ON d.account = '*'
    LEFT JOIN history AS h ON h.account = k.account
)
SELECT
    *,
    1 / nullif(gross_margin * (1 - refund_rate), 0) AS breakeven_roi,      -- against whole-room ROI
    1 / nullif(gross_margin, 0)                     AS breakeven_net_roi   -- against net ROI (refunds out)
FROM merged;
