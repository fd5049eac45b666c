-- import_spend_cells for a session export without spend columns: the same columns, no rows.
-- Grain: none. No parameters.
CREATE OR REPLACE TEMP TABLE import_spend_cells (
    _row         BIGINT,
    spend_column VARCHAR,
    channel      VARCHAR,
    spend_text   VARCHAR,
    export_spend DOUBLE
);
