-- Sessions page: one session with every metric and its account's thresholds.
-- Grain: one row (none when the id is unknown). Parameters: $session_id.
SELECT
    m.*,
    s.breakeven_roi,
    s.breakeven_net_roi,
    s.target_roi
FROM session_metrics AS m
LEFT JOIN account_settings AS s USING (account)
WHERE m.session_id = $session_id;
