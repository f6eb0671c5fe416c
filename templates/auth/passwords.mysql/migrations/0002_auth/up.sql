-- Authentication, common to every auth mode: a password on each user, password resets, login lockout.
-- What a mode adds to keep callers logged in (refresh tokens, sessions) comes in the next migration.
-- Hashes and ids are ASCII compared byte for byte; emails utf8mb4_bin, as in users (see 0001).

-- NULL until the user sets one: accounts created by an admin (POST /users) or by `db:seed` sample data
-- have no password and cannot log in until they complete a password reset.
ALTER TABLE users
  ADD COLUMN password_hash text CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD CONSTRAINT users_password_hash_argon2 CHECK (password_hash IS NULL OR password_hash LIKE '$argon2id$%');

-- Single-use, short-lived password-reset tokens, stored as the hex SHA-256 of the token, never the token itself.
CREATE TABLE password_reset_tokens (
  id          char(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  user_id     char(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  token_hash  varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  expires_at  datetime(3) NOT NULL,
  created_at  datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  used_at     datetime(3) NULL,
  PRIMARY KEY (id),
  CONSTRAINT password_reset_tokens_token_hash_unique UNIQUE (token_hash),
  -- Declared here, not after: InnoDB would otherwise create an index of its own for the foreign key.
  INDEX password_reset_tokens_user_id_idx (user_id),
  CONSTRAINT password_reset_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT password_reset_tokens_token_hash_hex CHECK (token_hash REGEXP '^[0-9a-f]{64}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Failed logins per email, whether or not an account has it: unknown emails lock out exactly like
-- real ones, so the lockout cannot be used to discover which emails are registered.
CREATE TABLE login_attempts (
  email          varchar(254) COLLATE utf8mb4_bin NOT NULL,
  failed_count   int          NOT NULL DEFAULT 0,
  last_failed_at datetime(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  locked_until   datetime(3)  NULL,
  PRIMARY KEY (email),
  CONSTRAINT login_attempts_email_lowercase      CHECK (email = lower(email)),
  CONSTRAINT login_attempts_failed_count_not_neg CHECK (failed_count >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
