DROP TABLE IF EXISTS login_attempts;
DROP TABLE IF EXISTS password_reset_tokens;
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_password_hash_argon2;
ALTER TABLE users DROP COLUMN IF EXISTS password_hash;
