import { existsSync } from 'node:fs';
import { ConfigError, loadEnv, type Env } from './env.js';

/**
 * The configuration of a process entry (the API, the worker): `.env` when present, then validation.
 * Real environment variables win over .env (loadEnvFile does not overwrite what is already set). A bad
 * or missing variable ends the process with exit code 1 and a message naming each one.
 */
export function readConfigOrExit(): Env {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * The last handler of a process entry. A configuration error found while wiring (an unknown upload
 * type, say) is printed like one found at start-up; anything else with its stack. Exit code 1.
 */
export function exitOnFatal(error: unknown): never {
  const message = error instanceof ConfigError ? error.message : `Fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
