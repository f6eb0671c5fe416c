DROP TABLE IF EXISTS login_attempts;
DROP TABLE IF EXISTS password_reset_tokens;
-- The column's CHECK constraint goes with it.
ALTER TABLE users DROP COLUMN password_hash;
