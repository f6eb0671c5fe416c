DROP TABLE IF EXISTS login_attempts;
DROP TABLE IF EXISTS password_reset_tokens;
ALTER TABLE users DROP CONSTRAINT users_password_hash_argon2, DROP COLUMN password_hash;
