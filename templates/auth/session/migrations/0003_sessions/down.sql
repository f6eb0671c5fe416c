DROP TRIGGER IF EXISTS users_end_sessions_on_delete ON users;
DROP TRIGGER IF EXISTS users_end_sessions_on_privilege_change ON users;
DROP FUNCTION IF EXISTS sessions_end_for_user();
DROP TABLE IF EXISTS sessions;
