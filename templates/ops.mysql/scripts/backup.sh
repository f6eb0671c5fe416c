#!/usr/bin/env bash
# Backs up the MySQL/MariaDB database of DATABASE_URL with mysqldump (a consistent InnoDB snapshot, no
# table locks). Usage: npm run db:backup [-- <file>]; default .data/backups/<UTC timestamp>.sql.gz.
set -euo pipefail

if [ -z "${DATABASE_URL:-}" ] && [ -f .env ]; then
  DATABASE_URL="$(node -e "process.loadEnvFile('.env'); process.stdout.write(process.env.DATABASE_URL ?? '')")"
fi
if [ -z "${DATABASE_URL:-}" ]; then
  echo "backup: DATABASE_URL is not set (mysql://user:password@host:3306/database)." >&2
  exit 2
fi
# The URL's parts, decoded by Node's URL parser (NUL-separated: any character survives); the password
# reaches the client through MYSQL_PWD, never its command line.
{ IFS= read -r -d '' DB_HOST; IFS= read -r -d '' DB_PORT; IFS= read -r -d '' DB_USER; IFS= read -r -d '' MYSQL_PWD; IFS= read -r -d '' DB_NAME; } < <(node -e '
const u = new URL(process.env.DATABASE_URL);
const parts = [u.hostname, u.port || "3306", decodeURIComponent(u.username), decodeURIComponent(u.password), decodeURIComponent(u.pathname.slice(1))];
process.stdout.write(parts.join("\0") + "\0");
')
export MYSQL_PWD

out="${1:-.data/backups/$(date -u +%Y%m%dT%H%M%SZ).sql.gz}"
mkdir -p "$(dirname "$out")"
# MySQL 8's mysqldump reads column statistics MariaDB does not have; MariaDB's does not know the option.
extra=()
if mysqldump --help 2>/dev/null | grep -q -- '--column-statistics'; then extra+=(--column-statistics=0); fi
mysqldump --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" --single-transaction --routines --triggers \
  --no-tablespaces "${extra[@]}" "$DB_NAME" | gzip > "$out.partial"
mv "$out.partial" "$out"
echo "$out"
