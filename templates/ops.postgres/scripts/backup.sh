#!/usr/bin/env bash
# Backs up the PostgreSQL database of DATABASE_URL with pg_dump's custom format (compressed, restorable
# table by table with pg_restore). Usage: npm run db:backup [-- <file>]
# Default file: .data/backups/<UTC timestamp>.dump (git-ignored). Prints the file written.
set -euo pipefail

# The variable wins over .env, which is read the way the app reads it (process.loadEnvFile).
if [ -z "${DATABASE_URL:-}" ] && [ -f .env ]; then
  DATABASE_URL="$(node -e "process.loadEnvFile('.env'); process.stdout.write(process.env.DATABASE_URL ?? '')")"
fi
if [ -z "${DATABASE_URL:-}" ]; then
  echo "backup: DATABASE_URL is not set. Without it the app runs on the embedded PGlite database (.data/pglite)," >&2
  echo "which is for development only and cannot be dumped with pg_dump: stop the app and copy the directory" >&2
  echo "if you need its data. Set DATABASE_URL to the PostgreSQL server to back up." >&2
  exit 2
fi

out="${1:-.data/backups/$(date -u +%Y%m%dT%H%M%SZ).dump}"
mkdir -p "$(dirname "$out")"
# Written under a temporary name first: an interrupted dump never looks like a finished backup.
pg_dump --format=custom --no-owner --no-privileges --file="$out.partial" --dbname="$DATABASE_URL"
mv "$out.partial" "$out"
echo "$out"
