-- Before ad rows stored under a bare account id move to the account the id now names (a report without an
-- account column imported with `--account <id>` before any report named that id): where the same row is
-- already stored under the name, the copy under the id goes. Grain: those rows. Parameters: $ids (account
-- ids learned by the file).
DELETE FROM ad_spend AS o
USING account_ids AS m
WHERE o.account = m.account_id AND m.account_id IN (SELECT unnest($ids))
  AND EXISTS (
      SELECT 1 FROM ad_spend AS n
      WHERE n.account = m.account AND n.channel = o.channel AND n.layout = o.layout AND n.plan = o.plan
        AND n.plan_id = o.plan_id AND n.unit = o.unit AND n.unit_id = o.unit_id AND n.creative = o.creative
        AND n.creative_id = o.creative_id AND n.material = o.material AND n.material_id = o.material_id
        AND n.period_start = o.period_start
  );
