-- DuckLake only (liveroi.db.write): the first statement of every write, so it conflicts with any other
-- write committed since it began. Grain: one row. No parameters.
UPDATE lake_writes SET writes = writes + 1;
