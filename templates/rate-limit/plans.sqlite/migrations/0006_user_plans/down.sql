-- The column's CHECK constraint goes with it.
ALTER TABLE users DROP COLUMN plan;
