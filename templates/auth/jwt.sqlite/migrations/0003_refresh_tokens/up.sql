-- jwt mode: refresh tokens, which keep a caller logged in between short-lived access tokens.

-- Refresh tokens are stored as the hex SHA-256 of the token, never the token itself.
-- A family is every token descended from one login; reusing a retired token revokes the family.
-- Ids (and family ids) are UUIDs and instants Unix milliseconds, written by the application.
CREATE TABLE refresh_tokens (
  id          text    PRIMARY KEY NOT NULL,
  user_id     text    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  family_id   text    NOT NULL,
  token_hash  text    NOT NULL,
  expires_at  integer NOT NULL,
  created_at  integer NOT NULL,
  used_at     integer,
  revoked_at  integer,
  CONSTRAINT refresh_tokens_token_hash_unique UNIQUE (token_hash),
  -- 64 characters, none outside 0-9a-f: what PostgreSQL writes as token_hash ~ '^[0-9a-f]{64}$'.
  CONSTRAINT refresh_tokens_token_hash_hex    CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*')
) STRICT;
CREATE INDEX refresh_tokens_user_id_idx   ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id);
