-- Whether an account has sessions or timeline rows. Grain: one row. Parameters: $account.
SELECT
    EXISTS (SELECT 1 FROM sessions WHERE account = $account)
    OR EXISTS (SELECT 1 FROM timeline_points WHERE account = $account) AS known;
