-- API keys (--auth api-key): the credentials of this mode, each owned by a user. The key itself is shown
-- once, when it is created; only its hex SHA-256 is stored. A key carries 256 random bits, so a fast hash
-- cannot be reversed by guessing, and a leaked table cannot be replayed.
CREATE TABLE api_keys (
  id           char(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  -- A deleted user takes its keys with it; the lookup also joins users, so a suspended owner's keys stop
  -- working at once, and the caller's role is always the owner's current role.
  user_id      char(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  name         varchar(100) NOT NULL,
  -- The first characters of the key ("sbk_" + 8), kept in clear so people can tell their keys apart.
  prefix       varchar(12)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  key_hash     varchar(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  created_at   datetime(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  -- Written at most once a minute per key, so a busy client does not turn every read into a write.
  last_used_at datetime(3)  NULL,
  expires_at   datetime(3)  NULL,
  revoked_at   datetime(3)  NULL,
  PRIMARY KEY (id),
  CONSTRAINT api_keys_key_hash_unique UNIQUE (key_hash),
  -- Authentication looks keys up through the unique index on key_hash and joins users by its primary key.
  -- Listing pages through (created_at, id), for everyone or for one user; the second index also serves
  -- the foreign key (ON DELETE CASCADE; declared here, so InnoDB adds no index of its own) and the seed's
  -- "does this user have a live key" check.
  INDEX api_keys_created_at_id_idx (created_at, id),
  INDEX api_keys_user_id_created_at_id_idx (user_id, created_at, id),
  CONSTRAINT api_keys_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT api_keys_key_hash_hex          CHECK (key_hash REGEXP '^[0-9a-f]{64}$'),
  CONSTRAINT api_keys_prefix_format         CHECK (prefix REGEXP '^sbk_[A-Za-z0-9_-]{8}$'),
  CONSTRAINT api_keys_name_not_blank        CHECK (char_length(trim(name)) > 0),
  CONSTRAINT api_keys_expires_after_created CHECK (expires_at IS NULL OR expires_at > created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
