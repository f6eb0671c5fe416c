#!/usr/bin/env bash
# Restores a scripts/backup.sh file (.sql.gz) into the database of DATABASE_URL: the dump drops and
# recreates each of its tables. Usage: npm run db:restore -- <file> --yes. Stop the app and the worker first.
set -euo pipefail

file="${1:-}"
if [ -z "$file" ] || [ ! -f "$file" ]; then
  echo "usage: npm run db:restore -- <backup file> --yes   (file not found: '${file}')" >&2
  exit 2
fi
if [ "${2:-}" != "--yes" ]; then
  echo "restore: this replaces the data of DATABASE_URL with the backup's. Stop the app, then re-run with --yes." >&2
  exit 2
fi
if [ -z "${DATABASE_URL:-}" ] && [ -f .env ]; then
  DATABASE_URL="$(node -e "process.loadEnvFile('.env'); process.stdout.write(process.env.DATABASE_URL ?? '')")"
fi
if [ -z "${DATABASE_URL:-}" ]; then
  echo "restore: DATABASE_URL is not set (mysql://user:password@host:3306/database)." >&2
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
gunzip -c "$file" | mysql --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" "$DB_NAME"
echo "restored $file"
