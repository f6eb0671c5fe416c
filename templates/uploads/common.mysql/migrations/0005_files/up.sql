-- Uploaded files: what was stored where, for whom. The bytes live in the storage (local disk or S3)
-- under storage_key, a random name (uuid + extension) that never contains the file name the client sent.
-- The type was decided from the bytes of the file itself, not from what the client declared.
--
-- owner_id: ON DELETE SET NULL, not CASCADE. A cascade would drop the rows and leave their objects in
-- the storage with nothing pointing at them. With SET NULL the files of a deleted account stay listed,
-- owned by nobody, visible to admins only, who can delete them (row and object) through the API.
--
-- Ids, storage_key and content_type are ASCII compared byte for byte, like users.id (a foreign key needs
-- the same character set and collation on both sides): under the case-insensitive collation of the table
-- REGEXP would ignore case and let Image/PNG through the check. The indexes are declared inside the
-- CREATE TABLE, so the migration is one statement: MySQL commits DDL at once, and a half-applied
-- migration could not simply be run again.
CREATE TABLE files (
  id            char(36)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  storage_key   varchar(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  content_type  varchar(127)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  size_bytes    bigint        NOT NULL,
  original_name varchar(255)  NOT NULL,
  owner_id      char(36)      CHARACTER SET ascii COLLATE ascii_bin,
  created_at    datetime(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  CONSTRAINT files_storage_key_unique       UNIQUE (storage_key),
  CONSTRAINT files_owner_id_fkey            FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT files_storage_key_safe         CHECK (storage_key REGEXP '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
  CONSTRAINT files_content_type_format      CHECK (content_type REGEXP '^[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*$'),
  CONSTRAINT files_size_not_negative        CHECK (size_bytes >= 0),
  CONSTRAINT files_original_name_not_blank  CHECK (char_length(trim(original_name)) > 0),
  -- Listing is newest first with id as the keyset tie-breaker: for everyone (admins, --auth none) and
  -- per owner (a user sees only its own files). The owner index also serves the SET NULL of the foreign key.
  INDEX files_created_at_id_idx       (created_at, id),
  INDEX files_owner_created_at_id_idx (owner_id, created_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
