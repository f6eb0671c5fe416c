import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { cliJsonOutputSchema } from '../../src/api/result-schemas.js';
import { cleanEnv, repoRoot, workDir } from './harness.js';

/**
 * The programmatic API as a pipeline imports it: `import … from 'create-solid-backend'` resolved by Node
 * through the package's `exports` (the built dist/, as npm would install it), in a process of its own so
 * that an exit or a prompt would show. The script prints one JSON line per call.
 */
const script = `
import { createProject, addFeatures, CliError, ExitCode } from 'create-solid-backend';
const dir = process.argv[1];
const exits = [];
process.exit = (code) => { exits.push(code); throw new Error('process.exit called'); };
const print = (label, value) => console.log(JSON.stringify({ label, value }));
const noSteps = { git: true, install: true, migrate: true, test: true };
try {
  await createProject({ directory: 'Bad Name', cwd: dir, options: [] });
} catch (error) {
  print('bad name', { isCliError: error instanceof CliError, code: error.code, exitCode: error.exitCode, usage: ExitCode.usage });
}
try {
  await createProject({ directory: 'x', cwd: dir, options: [{ database: 'sqlite', auth: 'session' }] });
} catch (error) {
  print('rule', { code: error.code, details: error.details });
}
const planned = await createProject({ directory: 'api', cwd: dir, options: [{ auth: 'none' }, { cache: 'none' }], dryRun: true });
print('dry run', planned);
const created = await createProject({ directory: 'api', cwd: dir, options: [{ auth: 'none', features: ['docker'] }], skip: noSteps });
print('created', created);
const added = await addFeatures({ cwd: dir + '/api', names: ['metrics'], force: true, skip: { install: true, migrate: true, test: true } });
print('added', added);
const again = await addFeatures({ cwd: dir + '/api', names: ['metrics'], force: true, skip: { install: true, migrate: true, test: true } });
print('again', again);
print('exits', exits);
`;

describe('the programmatic API from the package entry point', () => {
  it('returns typed results, throws CliError on bad input, never exits or prompts', async () => {
    const work = workDir('api');
    try {
      const run = await execa('node', ['--input-type=module', '-e', script, work.dir], { cwd: repoRoot, env: cleanEnv(), stdin: 'ignore', reject: false, all: true, timeout: 120_000 });
      expect(run.exitCode, run.all).toBe(0);
      const results = new Map(
        run.stdout
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { label: string; value: Record<string, unknown> })
          .map(({ label, value }) => [label, value]),
      );
      expect(results.get('bad name')).toEqual({ isCliError: true, code: 'INVALID_NAME', exitCode: 2, usage: 2 });
      expect(results.get('rule')).toMatchObject({ code: 'RULE_VIOLATION', details: [expect.stringMatching(/^\[session-needs-postgres\]/)] });
      const planned = results.get('dry run')!;
      expect(cliJsonOutputSchema.parse({ command: 'create', ...planned })).toMatchObject({ dryRun: true, options: { auth: 'none', cache: 'none' }, steps: [] });
      const created = results.get('created')!;
      expect(cliJsonOutputSchema.parse({ command: 'create', ...created })).toMatchObject({ ok: true, features: expect.arrayContaining(['docker']) });
      const added = cliJsonOutputSchema.parse({ command: 'add', ...results.get('added') });
      expect(added).toMatchObject({ ok: true, addedFeatures: ['metrics'], after: { features: ['docker', 'metrics'] } });
      expect(results.get('again')).toMatchObject({ ok: true, addedFeatures: [], changes: [] });
      expect(results.get('exits')).toEqual([]);
    } finally {
      work.remove();
    }
  });
});
