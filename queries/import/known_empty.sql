-- import_known when nothing can be known (a preview, in a database of its own): no rows.
-- Grain: none. No parameters.
CREATE OR REPLACE TEMP TABLE import_known (_row BIGINT, session_id VARCHAR);
