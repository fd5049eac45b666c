-- The account name a stored account id stands for (none when the id is unknown). Grain: at most one row.
-- Parameters: $account_id.
SELECT account FROM account_ids WHERE account_id = $account_id;
