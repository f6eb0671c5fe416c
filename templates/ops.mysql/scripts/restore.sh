#!/usr/bin/env bash
# Restores a scripts/backup.sh file (.sql.gz) into the database of DATABASE_URL: the dump drops and
# recreates each of its tables. Usage: npm run db:restore -- <file> --yes. Stop the app and the worker first.
set -euo pipefail

source "$(dirname "$0")/backup-common.sh"
file="${1:-}"
require_restore_arguments "$@"
load_database_url
if [ -z "${DATABASE_URL:-}" ]; then
  echo "restore: DATABASE_URL is not set (mysql://user:password@host:3306/database)." >&2
  exit 2
fi
source "$(dirname "$0")/mysql-connection.sh"
gunzip -c "$file" | mysql --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" "$DB_NAME"
echo "restored $file"
