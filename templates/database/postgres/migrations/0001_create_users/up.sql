-- Users: the resource every generated project starts with.
-- Timestamps keep millisecond precision so values round-trip exactly through JavaScript Dates
-- and keyset-pagination cursors.
CREATE TABLE users (
  id         uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  email      varchar(254) NOT NULL,
  name       varchar(100) NOT NULL,
  role       varchar(16)  NOT NULL DEFAULT 'user',
  status     varchar(16)  NOT NULL DEFAULT 'active',
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT users_email_unique    UNIQUE (email),
  CONSTRAINT users_email_lowercase CHECK (email = lower(email)),
  CONSTRAINT users_role_check      CHECK (role IN ('user', 'admin')),
  CONSTRAINT users_status_check    CHECK (status IN ('active', 'suspended')),
  CONSTRAINT users_name_not_blank  CHECK (length(btrim(name)) > 0)
);

-- Every sortable key is indexed together with id, the tie-breaker of keyset pagination;
-- email is covered by its unique index. Filters get their own indexes.
CREATE INDEX users_created_at_id_idx ON users (created_at, id);
CREATE INDEX users_updated_at_id_idx ON users (updated_at, id);
CREATE INDEX users_name_id_idx       ON users (name, id);
CREATE INDEX users_status_idx        ON users (status);
CREATE INDEX users_role_idx          ON users (role);
