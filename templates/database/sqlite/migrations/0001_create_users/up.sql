-- Users: the resource every generated project starts with.
-- STRICT tables refuse a value of the wrong type; the CHECKs hold what PostgreSQL's column types would
-- (lengths). Ids are lower-case UUID text and instants integer Unix milliseconds, both written by the
-- application, so values round-trip exactly through JavaScript Dates and keyset-pagination cursors.
CREATE TABLE users (
  id         text    PRIMARY KEY NOT NULL,
  email      text    NOT NULL,
  name       text    NOT NULL,
  role       text    NOT NULL DEFAULT 'user',
  status     text    NOT NULL DEFAULT 'active',
  created_at integer NOT NULL,
  updated_at integer NOT NULL,
  CONSTRAINT users_email_unique    UNIQUE (email),
  -- SQLite's lower() folds ASCII only; the application lower-cases the whole address before writing it.
  CONSTRAINT users_email_lowercase CHECK (email = lower(email)),
  CONSTRAINT users_email_length    CHECK (length(email) <= 254),
  CONSTRAINT users_role_check      CHECK (role IN ('user', 'admin')),
  CONSTRAINT users_status_check    CHECK (status IN ('active', 'suspended')),
  CONSTRAINT users_name_not_blank  CHECK (length(trim(name)) > 0),
  CONSTRAINT users_name_length     CHECK (length(name) <= 100)
) STRICT;

-- Every sortable key is indexed together with id, the tie-breaker of keyset pagination;
-- email is covered by its unique index. Filters get their own indexes.
CREATE INDEX users_created_at_id_idx ON users (created_at, id);
CREATE INDEX users_updated_at_id_idx ON users (updated_at, id);
CREATE INDEX users_name_id_idx       ON users (name, id);
CREATE INDEX users_status_idx        ON users (status);
CREATE INDEX users_role_idx          ON users (role);
