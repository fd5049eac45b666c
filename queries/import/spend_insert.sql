-- Insert the export spend of file $file_idx for (session, channel) pairs not stored yet (an anti-join:
-- session_spend has no primary key; ANTI JOIN rather than NOT EXISTS, whose decorrelation first takes a
-- DISTINCT of every staged pair — half the statement's time at 1M sessions). A 0 is not stored (no row means no spend); a stored figure a
-- re-import sets to 0 is updated by import_spend_update. Grain: one row per new session per channel with
-- spend. Parameters: $file_idx.
INSERT INTO session_spend (session_id, channel, export_spend)
SELECT sp.session_id, sp.channel, sp.export_spend
FROM import_stage_spend AS sp
ANTI JOIN session_spend AS o ON o.session_id = sp.session_id AND o.channel = sp.channel
WHERE sp.file_idx = $file_idx
  AND sp.export_spend <> 0;
