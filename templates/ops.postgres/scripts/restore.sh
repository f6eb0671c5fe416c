#!/usr/bin/env bash
# Restores a pg_dump custom-format file (scripts/backup.sh) into the database of DATABASE_URL: every table
# of the backup is dropped and recreated with the backup's rows, in one transaction (all or nothing).
# Usage: npm run db:restore -- <file> --yes
# Stop the app and the worker first, or they keep writing into the tables being replaced.
set -euo pipefail

source "$(dirname "$0")/backup-common.sh"
file="${1:-}"
require_restore_arguments "$@"
load_database_url
if [ -z "${DATABASE_URL:-}" ]; then
  echo "restore: DATABASE_URL is not set. The embedded PGlite database (.data/pglite) is for development only;" >&2
  echo "set DATABASE_URL to the PostgreSQL server to restore into." >&2
  exit 2
fi

pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error --dbname="$DATABASE_URL" "$file"
echo "restored $file"
