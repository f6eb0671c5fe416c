#!/usr/bin/env bash
# npm run db:backup [-- <file>]: an online copy of the SQLite file (src/db/backup.ts; the app may keep running).
set -euo pipefail
exec node --import tsx src/db/backup.ts backup "$@"
