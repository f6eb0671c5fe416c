import type { HealthCheck, ShutdownHook } from '../types/app.js';

/** Pings the database; GET /health/ready reports it as "database". */
export const databaseHealthCheck: HealthCheck = {
  name: 'database',
  check: (deps) => deps.database.ping(),
};

/** Closes the database (the connection pool, the embedded PGlite or the SQLite file) once no request can use it any more. */
export const closeDatabase: ShutdownHook = {
  name: 'database',
  run: (deps) => deps.database.close(),
};
