#!/usr/bin/env bash
# Backs up the MySQL/MariaDB database of DATABASE_URL with mysqldump (a consistent InnoDB snapshot, no
# table locks). Usage: npm run db:backup [-- <file>]; default .data/backups/<UTC timestamp>.sql.gz.
set -euo pipefail

source "$(dirname "$0")/backup-common.sh"
load_database_url
if [ -z "${DATABASE_URL:-}" ]; then
  echo "backup: DATABASE_URL is not set (mysql://user:password@host:3306/database)." >&2
  exit 2
fi
source "$(dirname "$0")/mysql-connection.sh"

out="${1:-.data/backups/$(date -u +%Y%m%dT%H%M%SZ).sql.gz}"
mkdir -p "$(dirname "$out")"
# MySQL 8's mysqldump reads column statistics MariaDB does not have; MariaDB's does not know the option.
extra=()
if mysqldump --help 2>/dev/null | grep -q -- '--column-statistics'; then extra+=(--column-statistics=0); fi
mysqldump --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" --single-transaction --routines --triggers \
  --no-tablespaces "${extra[@]}" "$DB_NAME" | gzip > "$out.partial"
mv "$out.partial" "$out"
echo "$out"
