-- jwt mode: refresh tokens, which keep a caller logged in between short-lived access tokens.

-- Refresh tokens are stored as the hex SHA-256 of the token, never the token itself.
-- A family is every token descended from one login; reusing a retired token revokes the family.
CREATE TABLE refresh_tokens (
  id          char(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  user_id     char(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  family_id   char(36)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  token_hash  varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  expires_at  datetime(3) NOT NULL,
  created_at  datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  used_at     datetime(3) NULL,
  revoked_at  datetime(3) NULL,
  PRIMARY KEY (id),
  CONSTRAINT refresh_tokens_token_hash_unique UNIQUE (token_hash),
  -- Declared here, not after: InnoDB would otherwise create an index of its own for the foreign key.
  INDEX refresh_tokens_user_id_idx (user_id),
  INDEX refresh_tokens_family_id_idx (family_id),
  CONSTRAINT refresh_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT refresh_tokens_token_hash_hex CHECK (token_hash REGEXP '^[0-9a-f]{64}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
