-- jwt mode: refresh tokens, which keep a caller logged in between short-lived access tokens.

-- Refresh tokens are stored as the hex SHA-256 of the token, never the token itself.
-- A family is every token descended from one login; reusing a retired token revokes the family.
CREATE TABLE refresh_tokens (
  id          uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  family_id   uuid           NOT NULL,
  token_hash  varchar(64)    NOT NULL,
  expires_at  timestamptz(3) NOT NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  used_at     timestamptz(3),
  revoked_at  timestamptz(3),
  CONSTRAINT refresh_tokens_token_hash_unique UNIQUE (token_hash),
  CONSTRAINT refresh_tokens_token_hash_hex    CHECK (token_hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX refresh_tokens_user_id_idx   ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id);
