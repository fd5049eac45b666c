-- Whether an account exists: listed in accounts or owning at least one session.
-- Parameters: $account. Grain: one row, one boolean column.
SELECT
    EXISTS (SELECT 1 FROM accounts WHERE account = $account)
    OR EXISTS (SELECT 1 FROM sessions WHERE account = $account) AS known;
