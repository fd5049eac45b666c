-- Give sessions its row_hash column in a database created before the column was in schema.sql (files
-- from before the first release; schema.sql has it for every new file). Idempotent, catalog only.
-- Grain: none. No parameters.
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS row_hash UBIGINT;
