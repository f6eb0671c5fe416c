-- API keys (--auth api-key): the credentials of this mode, each owned by a user. The key itself is shown
-- once, when it is created; only its hex SHA-256 is stored. A key carries 256 random bits, so a fast hash
-- cannot be reversed by guessing, and a leaked table cannot be replayed.
CREATE TABLE api_keys (
  id           uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
  -- A deleted user takes its keys with it; the lookup also joins users, so a suspended owner's keys stop
  -- working at once, and the caller's role is always the owner's current role.
  user_id      uuid           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         varchar(100)   NOT NULL,
  -- The first characters of the key ("sbk_" + 8), kept in clear so people can tell their keys apart.
  prefix       varchar(12)    NOT NULL,
  key_hash     varchar(64)    NOT NULL,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  -- Written at most once a minute per key, so a busy client does not turn every read into a write.
  last_used_at timestamptz(3),
  expires_at   timestamptz(3),
  revoked_at   timestamptz(3),
  CONSTRAINT api_keys_key_hash_unique       UNIQUE (key_hash),
  CONSTRAINT api_keys_key_hash_hex          CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  CONSTRAINT api_keys_prefix_format         CHECK (prefix ~ '^sbk_[A-Za-z0-9_-]{8}$'),
  CONSTRAINT api_keys_name_not_blank        CHECK (length(btrim(name)) > 0),
  CONSTRAINT api_keys_expires_after_created CHECK (expires_at IS NULL OR expires_at > created_at)
);

-- Authentication looks keys up through the unique index on key_hash and joins users by its primary key.
-- Listing pages through (created_at, id), for everyone or for one user; the second index also serves
-- the foreign key (ON DELETE CASCADE) and the seed's "does this user have a live key" check.
CREATE INDEX api_keys_created_at_id_idx         ON api_keys (created_at, id);
CREATE INDEX api_keys_user_id_created_at_id_idx ON api_keys (user_id, created_at, id);
