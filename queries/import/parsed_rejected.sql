-- How many parsed rows of the current session export (import_parsed) have a reason to be rejected: a
-- typed reading with any is staged again from the text reading (liveroi.importer.validate), so that every
-- rejection quotes the cells as written. Grain: one row. No parameters.
SELECT count(*) AS n FROM import_parsed WHERE len(errors) > 0;
