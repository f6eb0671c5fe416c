import { createIsolatedDatabase } from '../../src/db/testing.js';

/**
 * What the shared tests need to know about this project's database (MySQL/MariaDB). There is no
 * embedded MySQL: the suites run against the server in DATABASE_URL, each test file in a database of
 * its own, so the user in it must be allowed to create and drop databases.
 */

const HOW_TO_START =
  'MySQL tests need a server: start one (docker compose up -d mariadb) and run them with ' +
  'DATABASE_URL=mysql://root:app@localhost:3306/app npm test (a user allowed to CREATE and DROP databases).';

function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') throw new Error(`DATABASE_URL is not set. ${HOW_TO_START}`);
  if (!/^(mysql|mariadb):\/\//.test(url)) throw new Error(`DATABASE_URL is not a mysql:// or mariadb:// URL. ${HOW_TO_START}`);
  return url;
}

/** The environment variables every test starts from. */
export function databaseTestEnv(): Record<string, string | undefined> {
  return { DATABASE_URL: serverUrl(), DATABASE_POOL_MAX: '4' };
}

/** `deps.database.kind` in this project. */
export function expectedDatabaseKind(): string {
  return 'mysql';
}

/** A configuration whose database cannot be reached (nothing listens on port 1): the API must answer 503. */
export function unreachableDatabaseEnv(): Record<string, string> {
  return { DATABASE_URL: 'mysql://nobody:nothing@127.0.0.1:1/none', DATABASE_POOL_MAX: '1' };
}

/** A separate, empty database on the same server, for a CLI test that runs in a child process. */
export async function scratchDatabase(): Promise<{ vars: Record<string, string>; drop(): Promise<void> }> {
  const scratch = await createIsolatedDatabase(serverUrl(), 'scratch');
  return { vars: { DATABASE_URL: scratch.url }, drop: scratch.drop };
}

/**
 * The error mysql2 raises for a duplicate `value` in `table` (`columns`), whose unique index the migrations
 * name `<table>_<columns>_unique`: for tests of code that must recognise it, or keep the value out of logs.
 */
export function duplicateKeyDriverError(table: string, columns: readonly string[], value: string): Error {
  const message = `Duplicate entry '${value}' for key '${table}_${columns.join('_')}_unique'`;
  return Object.assign(new Error(message), { code: 'ER_DUP_ENTRY', errno: 1062, sqlState: '23000', sqlMessage: message });
}

/** The error mysql2 raises when the server cannot be reached. */
export function unavailableDriverError(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
}
