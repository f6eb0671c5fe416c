-- Uploaded files: what was stored where, for whom. The bytes live in the storage (local disk or S3)
-- under `storage_key`, a random name (uuid + extension) that never contains the client's file name.
-- The type was decided from the file's own bytes, not from what the client declared.
--
-- owner_id: ON DELETE SET NULL, not CASCADE. A cascade would drop the rows and leave their objects in
-- the storage with nothing pointing at them; with SET NULL the files of a deleted account stay listed,
-- owned by nobody, visible to admins only, who can delete them (row and object) through the API.
--
-- STRICT refuses a value of the wrong type; the *_length CHECKs hold what PostgreSQL's varchar(n) would.
-- SQLite has no regular expressions: the format CHECKs say the same with GLOB (case-sensitive, like ~).
-- The id (a lower-case UUID) and created_at (Unix milliseconds) are written by the application.
CREATE TABLE files (
  id            text    PRIMARY KEY NOT NULL,
  storage_key   text    NOT NULL,
  content_type  text    NOT NULL,
  size_bytes    integer NOT NULL,
  original_name text    NOT NULL,
  owner_id      text    REFERENCES users (id) ON DELETE SET NULL,
  created_at    integer NOT NULL,
  CONSTRAINT files_storage_key_unique      UNIQUE (storage_key),
  -- ^[A-Za-z0-9][A-Za-z0-9._-]*$: an alphanumeric first character, nothing outside the set after it.
  CONSTRAINT files_storage_key_safe        CHECK (storage_key GLOB '[A-Za-z0-9]*' AND storage_key NOT GLOB '*[^A-Za-z0-9._-]*'),
  CONSTRAINT files_storage_key_length      CHECK (length(storage_key) <= 255),
  -- ^[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*$: exactly one slash, an alphanumeric on both sides of it
  -- at the start, nothing outside the set elsewhere.
  CONSTRAINT files_content_type_format     CHECK (
    content_type GLOB '[a-z0-9]*/[a-z0-9]*'
    AND content_type NOT GLOB '*/*/*'
    AND content_type NOT GLOB '*[^a-z0-9.+/-]*'
  ),
  CONSTRAINT files_content_type_length     CHECK (length(content_type) <= 127),
  CONSTRAINT files_size_not_negative       CHECK (size_bytes >= 0),
  -- trim() removes spaces only, like PostgreSQL's btrim().
  CONSTRAINT files_original_name_not_blank CHECK (length(trim(original_name)) > 0),
  CONSTRAINT files_original_name_length    CHECK (length(original_name) <= 255)
) STRICT;

-- Listing is newest first with id as the keyset tie-breaker: for everyone (admins, --auth none) and
-- per owner (a user sees only its own files). The owner index also serves the foreign key's SET NULL.
CREATE INDEX files_created_at_id_idx       ON files (created_at, id);
CREATE INDEX files_owner_created_at_id_idx ON files (owner_id, created_at, id);
