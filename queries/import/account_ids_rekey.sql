-- Ad rows stored under a bare account id move to the account the id now names (their session is
-- re-attached after). Grain: the ad_spend rows of the ids in $ids. Parameters: $ids.
UPDATE ad_spend AS o
SET account = m.account, session_id = NULL
FROM account_ids AS m
WHERE o.account = m.account_id AND m.account_id IN (SELECT unnest($ids));
