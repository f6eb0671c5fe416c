import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

const servicesScript = fileURLToPath(new URL('../../../shared/scripts/services.sh', import.meta.url));

/**
 * Real PostgreSQL 15 for the end-to-end tests: the one named by E2E_DATABASE_URL when the caller runs
 * its own, otherwise started here with the shared services script (PostgreSQL half only) and stopped
 * again afterwards. No server is a failure, not a skip: these tests exist to prove the real thing.
 */
export default function setup(project: TestProject): (() => void) | undefined {
  const given = process.env['E2E_DATABASE_URL'];
  if (given) {
    project.provide('postgresUrl', given);
    return undefined;
  }
  if (!existsSync(servicesScript)) {
    throw new Error(`No PostgreSQL for the e2e tests: set E2E_DATABASE_URL, or put shared/scripts/services.sh at ${servicesScript}`);
  }
  const run = (body: string): string => execFileSync('bash', ['-c', `source '${servicesScript}' && ${body}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const env = run('svc_start_pg >/dev/null && svc_env');
  const url = /DATABASE_URL='([^']+)'/.exec(env)?.[1];
  if (!url) throw new Error(`services.sh printed no DATABASE_URL:\n${env}`);
  project.provide('postgresUrl', url);
  return () => {
    run('svc_stop >/dev/null');
  };
}
