-- Facts about the schema itself (e.g. the sha256 of queries/schema/views.sql the views were built from).
-- Created on every migration check, so files made before it existed gain it too.
CREATE TABLE IF NOT EXISTS schema_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
