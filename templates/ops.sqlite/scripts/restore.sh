#!/usr/bin/env bash
# npm run db:restore -- <file> --yes: swaps the SQLite file for the backup. Stop the app and the worker first.
set -euo pipefail
exec node --import tsx src/db/backup.ts restore "$@"
