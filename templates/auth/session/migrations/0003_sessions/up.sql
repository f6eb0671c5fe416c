-- Server-side sessions (--auth session). The cookie carries a 256-bit random session id; only its hex
-- SHA-256 is stored, so a leaked table cannot be replayed.
--
-- A session holds the identity it was started for (user id and role), the way a signed token holds its
-- claims, and the database ends it as soon as that identity stops being true: the triggers below delete
-- a user's sessions when the user is deleted or its role or status changes, whoever makes the change
-- (the API, the seed, an SQL console). So a suspension or a demotion takes effect at the next request.
-- That trigger does what ON DELETE CASCADE would; there is no foreign key so that test callers can hold
-- sessions for users that exist only in the session (test/helpers/auth.ts), like the jwt mode's tokens.
CREATE TABLE sessions (
  token_hash          varchar(64)    PRIMARY KEY,
  user_id             uuid           NOT NULL,
  role                varchar(16)    NOT NULL,
  created_at          timestamptz(3) NOT NULL DEFAULT now(),
  -- The session ends at expires_at: the earlier of absolute_expires_at (SESSION_TTL after login) and,
  -- when SESSION_IDLE_TIMEOUT is set, that long after the last request. One indexed column to check and
  -- to prune by.
  expires_at          timestamptz(3) NOT NULL,
  absolute_expires_at timestamptz(3) NOT NULL,
  CONSTRAINT sessions_token_hash_hex CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  CONSTRAINT sessions_role_check     CHECK (role IN ('user', 'admin')),
  CONSTRAINT sessions_expiry_order   CHECK (expires_at <= absolute_expires_at)
);
CREATE INDEX sessions_user_id_idx    ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

CREATE FUNCTION sessions_end_for_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sessions WHERE user_id = OLD.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER users_end_sessions_on_privilege_change
  AFTER UPDATE OF role, status ON users
  FOR EACH ROW
  WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION sessions_end_for_user();

CREATE TRIGGER users_end_sessions_on_delete
  AFTER DELETE ON users
  FOR EACH ROW
  EXECUTE FUNCTION sessions_end_for_user();
