-- Authentication, common to every auth mode: a password on each user, password resets, login lockout.
-- What a mode adds to keep callers logged in (refresh tokens) comes in the next migration.

-- NULL until the user sets one: accounts created by an admin (POST /users) or by `db:seed` sample data
-- have no password and cannot log in until they complete a password reset. GLOB, unlike LIKE, is
-- case-sensitive, as PostgreSQL's LIKE is.
ALTER TABLE users ADD COLUMN password_hash text
  CONSTRAINT users_password_hash_argon2 CHECK (password_hash IS NULL OR password_hash GLOB '$argon2id$*');

-- Single-use, short-lived password-reset tokens, stored as the hex SHA-256 of the token, never the token itself.
-- Ids are UUIDs and instants Unix milliseconds, written by the application (see 0001_create_users).
CREATE TABLE password_reset_tokens (
  id          text    PRIMARY KEY NOT NULL,
  user_id     text    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash  text    NOT NULL,
  expires_at  integer NOT NULL,
  created_at  integer NOT NULL,
  used_at     integer,
  CONSTRAINT password_reset_tokens_token_hash_unique UNIQUE (token_hash),
  -- 64 characters, none outside 0-9a-f: what PostgreSQL writes as token_hash ~ '^[0-9a-f]{64}$'.
  CONSTRAINT password_reset_tokens_token_hash_hex    CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*')
) STRICT;
CREATE INDEX password_reset_tokens_user_id_idx ON password_reset_tokens (user_id);

-- Failed logins per email, whether or not an account has it: unknown emails lock out exactly like
-- real ones, so the lockout cannot be used to discover which emails are registered.
CREATE TABLE login_attempts (
  email          text    PRIMARY KEY NOT NULL,
  failed_count   integer NOT NULL DEFAULT 0,
  last_failed_at integer NOT NULL,
  locked_until   integer,
  CONSTRAINT login_attempts_email_lowercase      CHECK (email = lower(email)),
  CONSTRAINT login_attempts_email_length         CHECK (length(email) <= 254),
  CONSTRAINT login_attempts_failed_count_not_neg CHECK (failed_count >= 0)
) STRICT;
