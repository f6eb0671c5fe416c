-- Uploaded files: what was stored where, for whom. The bytes live in the storage (local disk or S3)
-- under `storage_key`, a random name (uuid + extension) that never contains the client's file name.
-- The type was decided from the file's own bytes, not from what the client declared.
--
-- owner_id: ON DELETE SET NULL, not CASCADE. A cascade would drop the rows and leave their objects in
-- the storage with nothing pointing at them; with SET NULL the files of a deleted account stay listed,
-- owned by nobody, visible to admins only, who can delete them (row and object) through the API.
CREATE TABLE files (
  id            uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
  storage_key   varchar(255)   NOT NULL,
  content_type  varchar(127)   NOT NULL,
  size_bytes    bigint         NOT NULL,
  original_name varchar(255)   NOT NULL,
  owner_id      uuid           REFERENCES users (id) ON DELETE SET NULL,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT files_storage_key_unique       UNIQUE (storage_key),
  CONSTRAINT files_storage_key_safe         CHECK (storage_key ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
  CONSTRAINT files_content_type_format      CHECK (content_type ~ '^[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*$'),
  CONSTRAINT files_size_not_negative        CHECK (size_bytes >= 0),
  CONSTRAINT files_original_name_not_blank  CHECK (length(btrim(original_name)) > 0)
);

-- Listing is newest first with id as the keyset tie-breaker: for everyone (admins, --auth none) and
-- per owner (a user sees only its own files). The owner index also serves the foreign key's SET NULL.
CREATE INDEX files_created_at_id_idx       ON files (created_at, id);
CREATE INDEX files_owner_created_at_id_idx ON files (owner_id, created_at, id);
