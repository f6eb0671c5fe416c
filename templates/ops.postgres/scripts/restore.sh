#!/usr/bin/env bash
# Restores a pg_dump custom-format file (scripts/backup.sh) into the database of DATABASE_URL: every table
# of the backup is dropped and recreated with the backup's rows, in one transaction (all or nothing).
# Usage: npm run db:restore -- <file> --yes
# Stop the app and the worker first, or they keep writing into the tables being replaced.
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
  echo "restore: DATABASE_URL is not set. The embedded PGlite database (.data/pglite) is for development only;" >&2
  echo "set DATABASE_URL to the PostgreSQL server to restore into." >&2
  exit 2
fi

pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error --dbname="$DATABASE_URL" "$file"
echo "restored $file"
