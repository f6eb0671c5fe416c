import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, workDir } from './harness.js';
import { expectAllStepsPassed, expectScriptPasses, expectServerServes, type AuthMode } from './checks.js';

/**
 * The auth modes that the other e2e files do not create: each is generated on the embedded default,
 * installed, migrated and tested by the CLI itself, then type-checked, linted, built and booted.
 * (`jwt` is the `--yes` default in create-defaults; `none` runs here on PGlite and again on PostgreSQL
 * as `--preset minimal`.)
 */
const modes: { mode: AuthMode; feature: string }[] = [
  { mode: 'session', feature: 'auth-session' },
  { mode: 'api-key', feature: 'auth-api-key' },
  { mode: 'none', feature: 'auth-none' },
];

describe.each(modes)('create --auth $mode (embedded PGlite)', ({ mode, feature }) => {
  const work = workDir(`auth-${mode}`);
  const name = `${mode}-api`;
  const project = join(work.dir, name);
  afterAll(() => work.remove());

  it('creates, installs, migrates and passes its own tests with no server running', async () => {
    const run = await runCli([name, '--auth', mode, '--features', '', '--json'], work.dir);
    expect(run.exitCode, run.all).toBe(0);
    expect(expectAllStepsPassed(run.stdout).features).toContain(feature);
  });

  it('type-checks, lints, builds, boots, serves the API to a logged-in client and exits 0 on SIGTERM', async () => {
    await expectScriptPasses('typecheck', project, cleanEnv());
    await expectScriptPasses('lint', project, cleanEnv());
    await expectScriptPasses('build', project, cleanEnv());
    await expectServerServes(project, cleanEnv(), mode);
  });
});
