# Sourced by scripts/backup.sh and scripts/restore.sh (not run on its own): what both need before
# they talk to the database server.

# DATABASE_URL from the environment; else from .env, read the way the app reads it (process.loadEnvFile).
load_database_url() {
  if [ -z "${DATABASE_URL:-}" ] && [ -f .env ]; then
    DATABASE_URL="$(node -e "process.loadEnvFile('.env'); process.stdout.write(process.env.DATABASE_URL ?? '')")"
  fi
}

# restore's arguments: an existing backup file, then --yes (restoring replaces the data). Exit 2 otherwise.
require_restore_arguments() {
  local file="${1:-}"
  if [ -z "$file" ] || [ ! -f "$file" ]; then
    echo "usage: npm run db:restore -- <backup file> --yes   (file not found: '${file}')" >&2
    exit 2
  fi
  if [ "${2:-}" != "--yes" ]; then
    echo "restore: this replaces the data of DATABASE_URL with the backup's. Stop the app, then re-run with --yes." >&2
    exit 2
  fi
}
