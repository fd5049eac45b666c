-- Account ids left without sessions or ad rows after their rows moved to the account's name are no
-- accounts of their own. Grain: those accounts rows. Parameters: $ids.
DELETE FROM accounts
WHERE account IN (SELECT unnest($ids))
  AND NOT EXISTS (SELECT 1 FROM sessions AS s WHERE s.account = accounts.account)
  AND NOT EXISTS (SELECT 1 FROM ad_spend AS a WHERE a.account = accounts.account);
