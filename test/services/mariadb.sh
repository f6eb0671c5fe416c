#!/usr/bin/env bash
# Throwaway MariaDB 10.11 on loopback, no systemd, for tests of generated projects with --database mysql.
# Works on Debian bookworm as root (CI) or as a normal user with mariadb-server installed.
#
#   bash test/services/mariadb.sh start     # start (installs mariadb-server via apt if root and missing), print URL
#   bash test/services/mariadb.sh stop      # stop, delete data dir
#   bash test/services/mariadb.sh status
#   eval "$(bash test/services/mariadb.sh env)"   # export MYSQL_DATABASE_URL into the current shell
#   source test/services/mariadb.sh; mariadb_start; ...; mariadb_stop      # as functions
#
# Env knobs: SVC_DIR (/tmp/solid-svc), MARIADB_PORT (53306), MARIADB_USER/MARIADB_PASSWORD/MARIADB_DB (solid).
# The user gets ALL PRIVILEGES ON *.*: generated test suites create and drop one database per test file.

SVC_DIR="${SVC_DIR:-/tmp/solid-svc}"
MARIADB_PORT="${MARIADB_PORT:-53306}"
MARIADB_USER="${MARIADB_USER:-solid}"
MARIADB_PASSWORD="${MARIADB_PASSWORD:-solid}"
MARIADB_DB="${MARIADB_DB:-solid}"
MARIADB_DIR="$SVC_DIR/mariadb"

# --no-defaults everywhere: the system's /etc/mysql config (socket in /run/mysqld, port 3306) must not leak in.
_mdb_client() {
  mariadb --no-defaults --protocol=socket --socket="$MARIADB_DIR/mariadb.sock" -uroot "$@"
}

_mdb_alive() {
  [ -S "$MARIADB_DIR/mariadb.sock" ] && _mdb_client -e 'SELECT 1' >/dev/null 2>&1
}

_mdb_tcp() {
  mariadb --no-defaults -h127.0.0.1 -P"$MARIADB_PORT" -u"$MARIADB_USER" -p"$MARIADB_PASSWORD" "$@"
}

mariadb_env() {
  echo "export MYSQL_DATABASE_URL='mysql://$MARIADB_USER:$MARIADB_PASSWORD@127.0.0.1:$MARIADB_PORT/$MARIADB_DB'"
}

mariadb_start() {
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    if [ "$(id -u)" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends mariadb-server mariadb-client >/dev/null
    else
      echo "mariadbd missing: sudo apt-get install -y mariadb-server" >&2; return 1
    fi
  fi
  local mariadbd; mariadbd="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
  # mariadbd refuses to run as root without --user; as root run it as the package's 'mysql' account.
  local run_user; run_user="$(id -un)"
  if [ "$(id -u)" = 0 ]; then
    id mysql >/dev/null 2>&1 || useradd --system --no-create-home --shell /bin/false mysql
    run_user=mysql
  fi
  mkdir -p "$SVC_DIR"; chmod 755 "$SVC_DIR"
  if [ ! -d "$MARIADB_DIR/data/mysql" ]; then
    mkdir -p "$MARIADB_DIR/data"
    [ "$(id -u)" = 0 ] && chown -R mysql: "$MARIADB_DIR"
    # unix_socket auth for root: only a local process of this OS user (us) can administer it.
    mariadb-install-db --no-defaults --user="$run_user" --datadir="$MARIADB_DIR/data" \
      --auth-root-authentication-method=socket --skip-test-db >"$MARIADB_DIR/install.log" 2>&1 \
      || { cat "$MARIADB_DIR/install.log" >&2; return 1; }
  fi
  if ! _mdb_alive; then
    # Test server: durability off (innodb_flush_log_at_trx_commit=2, no doublewrite) for speed; utf8mb4.
    # The server time zone is left as the system's: the generated app sets its session to UTC itself.
    "$mariadbd" --no-defaults --user="$run_user" --datadir="$MARIADB_DIR/data" \
      --bind-address=127.0.0.1 --port="$MARIADB_PORT" \
      --socket="$MARIADB_DIR/mariadb.sock" --pid-file="$MARIADB_DIR/mariadb.pid" \
      --log-error="$MARIADB_DIR/server.log" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_520_ci \
      --max-connections=500 \
      --innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 --innodb-buffer-pool-size=128M \
      --skip-name-resolve >/dev/null 2>&1 &
    disown 2>/dev/null || true
    local i
    for i in $(seq 1 150); do _mdb_alive && break; sleep 0.2; done
    _mdb_alive || { echo "mariadb did not start; see $MARIADB_DIR/server.log" >&2; tail -20 "$MARIADB_DIR/server.log" >&2; return 1; }
  fi
  # user + database (idempotent); 127.0.0.1 and localhost both, as clients may connect either way.
  _mdb_client <<SQL
CREATE DATABASE IF NOT EXISTS \`$MARIADB_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
CREATE USER IF NOT EXISTS '$MARIADB_USER'@'127.0.0.1' IDENTIFIED BY '$MARIADB_PASSWORD';
CREATE USER IF NOT EXISTS '$MARIADB_USER'@'localhost' IDENTIFIED BY '$MARIADB_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$MARIADB_USER'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$MARIADB_USER'@'localhost' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
  # the check that matters: the app's user over TCP
  local j
  for j in $(seq 1 50); do
    mariadb --no-defaults -h127.0.0.1 -P"$MARIADB_PORT" -u"$MARIADB_USER" -p"$MARIADB_PASSWORD" "$MARIADB_DB" \
      -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.2
  done
  echo "mariadb:  $(mariadb --no-defaults -h127.0.0.1 -P"$MARIADB_PORT" -u"$MARIADB_USER" -p"$MARIADB_PASSWORD" -Nse 'SELECT VERSION()')"
  mariadb_env
}

mariadb_stop() {
  local i
  if [ -f "$MARIADB_DIR/mariadb.pid" ]; then
    local pid; pid="$(cat "$MARIADB_DIR/mariadb.pid")"
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  elif _mdb_tcp -e 'SELECT 1' >/dev/null 2>&1; then
    # Data dir already gone (e.g. removed with the rest of SVC_DIR) but the server still runs: the test
    # user may shut it down (it has every privilege), over TCP since the socket file went with the dir.
    mariadb-admin --no-defaults -h127.0.0.1 -P"$MARIADB_PORT" -u"$MARIADB_USER" -p"$MARIADB_PASSWORD" shutdown >/dev/null 2>&1 || true
    for i in $(seq 1 100); do _mdb_tcp -e 'SELECT 1' >/dev/null 2>&1 || break; sleep 0.2; done
  fi
  rm -rf "$MARIADB_DIR"
  echo "stopped; removed $MARIADB_DIR"
}

mariadb_status() {
  if _mdb_alive || _mdb_tcp -e 'SELECT 1' >/dev/null 2>&1; then
    echo "mariadb: up on 127.0.0.1:$MARIADB_PORT ($(_mdb_tcp -Nse 'SELECT VERSION()'))"
  else
    echo "mariadb: down"; return 1
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-start}" in
    start) mariadb_start ;;
    stop) mariadb_stop ;;
    status) mariadb_status ;;
    env) mariadb_env ;;
    *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
  esac
fi
