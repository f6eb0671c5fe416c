-- Authentication, common to every auth mode: a password on each user, password resets, login lockout.
-- What a mode adds to keep callers logged in (refresh tokens, sessions) comes in the next migration.

-- NULL until the user sets one: accounts created by an admin (POST /users) or by `db:seed` sample data
-- have no password and cannot log in until they complete a password reset.
ALTER TABLE users ADD COLUMN password_hash text;
ALTER TABLE users ADD CONSTRAINT users_password_hash_argon2 CHECK (password_hash IS NULL OR password_hash LIKE '$argon2id$%');

-- Single-use, short-lived password-reset tokens, stored as the hex SHA-256 of the token, never the token itself.
CREATE TABLE password_reset_tokens (
  id          uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash  varchar(64)    NOT NULL,
  expires_at  timestamptz(3) NOT NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  used_at     timestamptz(3),
  CONSTRAINT password_reset_tokens_token_hash_unique UNIQUE (token_hash),
  CONSTRAINT password_reset_tokens_token_hash_hex    CHECK (token_hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX password_reset_tokens_user_id_idx ON password_reset_tokens (user_id);

-- Failed logins per email, whether or not an account has it: unknown emails lock out exactly like
-- real ones, so the lockout cannot be used to discover which emails are registered.
CREATE TABLE login_attempts (
  email          varchar(254)   PRIMARY KEY,
  failed_count   integer        NOT NULL DEFAULT 0,
  last_failed_at timestamptz(3) NOT NULL DEFAULT now(),
  locked_until   timestamptz(3),
  CONSTRAINT login_attempts_email_lowercase     CHECK (email = lower(email)),
  CONSTRAINT login_attempts_failed_count_not_neg CHECK (failed_count >= 0)
);
