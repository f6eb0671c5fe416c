-- API keys (--auth api-key): the credentials of this mode, each owned by a user. The key itself is shown
-- once, when it is created; only its hex SHA-256 is stored. A key carries 256 random bits, so a fast hash
-- cannot be reversed by guessing, and a leaked table cannot be replayed.
-- Ids are UUIDs and instants Unix milliseconds, written by the application (see 0001_create_users).
CREATE TABLE api_keys (
  id           text    PRIMARY KEY NOT NULL,
  -- A deleted user takes its keys with it; the lookup also joins users, so a suspended owner's keys stop
  -- working at once, and the caller's role is always the owner's current role.
  user_id      text    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         text    NOT NULL,
  -- The first characters of the key ("sbk_" + 8), kept in clear so people can tell their keys apart.
  prefix       text    NOT NULL,
  key_hash     text    NOT NULL,
  created_at   integer NOT NULL,
  -- Written at most once a minute per key, so a busy client does not turn every read into a write.
  last_used_at integer,
  expires_at   integer,
  revoked_at   integer,
  CONSTRAINT api_keys_key_hash_unique       UNIQUE (key_hash),
  -- SQLite has no regular expressions: lengths and GLOB classes say what PostgreSQL's ~ patterns say,
  -- key_hash ~ '^[0-9a-f]{64}$' and prefix ~ '^sbk_[A-Za-z0-9_-]{8}$'.
  CONSTRAINT api_keys_key_hash_hex          CHECK (length(key_hash) = 64 AND key_hash NOT GLOB '*[^0-9a-f]*'),
  CONSTRAINT api_keys_prefix_format         CHECK (length(prefix) = 12 AND prefix GLOB 'sbk_*' AND substr(prefix, 5) NOT GLOB '*[^A-Za-z0-9_-]*'),
  CONSTRAINT api_keys_name_not_blank        CHECK (length(trim(name)) > 0),
  CONSTRAINT api_keys_name_length           CHECK (length(name) <= 100),
  CONSTRAINT api_keys_expires_after_created CHECK (expires_at IS NULL OR expires_at > created_at)
) STRICT;

-- Authentication looks keys up through the unique index on key_hash and joins users by its primary key.
-- Listing pages through (created_at, id), for everyone or for one user; the second index also serves
-- the foreign key (ON DELETE CASCADE) and the seed's "does this user have a live key" check.
CREATE INDEX api_keys_created_at_id_idx         ON api_keys (created_at, id);
CREATE INDEX api_keys_user_id_created_at_id_idx ON api_keys (user_id, created_at, id);
