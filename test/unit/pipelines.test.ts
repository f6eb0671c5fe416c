import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cliJsonOutputJsonSchema, cliJsonOutputSchema } from '../../src/api/result-schemas.js';
import { createMain, solidMain } from '../../src/cli/main.js';
import { tempDir } from '../helpers/fixtures.js';

/** The CLI as a pipeline runs it: no TTY, CI set, output captured. */
let stdout = '';
let stderr = '';
let cwd = '';

beforeEach(() => {
  stdout = '';
  stderr = '';
  cwd = tempDir();
  vi.spyOn(process, 'cwd').mockImplementation(() => cwd);
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

const offline = ['--no-install', '--no-git'];
const committedSchema = JSON.parse(readFileSync('schemas/cli-output.schema.json', 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(committedSchema);

/** Checks one `--json` output against the committed JSON Schema (independently of zod) and the zod schema. */
function parsedJson(): Record<string, unknown> {
  const output = JSON.parse(stdout) as Record<string, unknown>;
  expect(validate(output), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
  expect(cliJsonOutputSchema.safeParse(output).success).toBe(true);
  stdout = '';
  return output;
}

/** Every file under `dir` (but `.env`, whose secrets are generated anew) → its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (relative(dir, path) !== '.env') files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

describe('--json output and its JSON Schema', () => {
  it('schemas/cli-output.schema.json is the one derived from the result schemas (run `npm run schema` after changing them)', () => {
    expect(committedSchema).toEqual(cliJsonOutputJsonSchema());
  });

  it('create, add, generate resource, doctor and errors print objects the schema accepts, and it refuses others', async () => {
    expect(await createMain(['app', '--json', '--dry-run', '--preset', 'full'])).toBe(0);
    expect(parsedJson()).toMatchObject({ command: 'create', dryRun: true, ok: true });
    expect(await createMain(['app', '--json', '--database', 'sqlite', ...offline])).toBe(0);
    expect(parsedJson()).toMatchObject({ command: 'create', dryRun: false, steps: [{ id: 'install', status: 'skipped' }, expect.anything(), expect.anything(), expect.anything()] });
    cwd = join(cwd, 'app');
    expect(await solidMain(['add', 'webhooks', '--json', '--force', '--no-install', '--no-test', '--no-migrate'])).toBe(0);
    expect(parsedJson()).toMatchObject({ command: 'add', addedFeatures: expect.arrayContaining(['webhooks']) });
    expect(await solidMain(['generate', 'resource', 'product', '--fields', 'title:string', '--json', '--force', '--dry-run'])).toBe(0);
    expect(parsedJson()).toMatchObject({ command: 'generate resource', dryRun: true, resource: { plural: 'products' } });
    expect(await solidMain(['doctor', '--json', '--no-test', '--no-audit'])).toBeLessThan(2);
    expect(parsedJson()).toMatchObject({ command: 'doctor' });
    expect(await createMain(['other', '--json', '--cache', 'disk'])).toBe(2);
    expect(parsedJson()).toMatchObject({ ok: false, error: { code: 'INVALID_OPTION' } });
    // The schema is not vacuous: a result with a wrong step status or an unknown field fails it.
    expect(validate({ command: 'doctor', root: '/x', results: [{ id: 'a', title: 'b', status: 'maybe', detail: '' }], ok: true })).toBe(false);
    expect(validate({ ok: false, error: { code: 'X', message: 'm' }, extra: 1 })).toBe(false);
  });
});

describe('--quiet', () => {
  it('prints nothing when everything passes, for create, add and generate', async () => {
    expect(await createMain(['app', '--quiet', '--yes', ...offline])).toBe(0);
    cwd = join(cwd, 'app');
    expect(await solidMain(['add', 'email', '--quiet', '--force', '--no-install', '--no-test', '--no-migrate'])).toBe(0);
    expect(await solidMain(['generate', 'resource', 'note', '--fields', 'body:text', '--quiet', '--force', '--no-migrate', '--no-test'])).toBe(0);
    expect({ stdout, stderr }).toEqual({ stdout: '', stderr: '' });
    expect(readFileSync(join(cwd, 'solid-backend.json'), 'utf8')).toContain('"name": "note"');
  });

  it('still prints what is wrong, on stderr, with the exit code', async () => {
    expect(await createMain(['Bad_Name', '--quiet', '--yes'])).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('is not a valid npm package name');
  });
});

describe('--from replays a project', () => {
  it('gives byte-identical files for the same options, resources and CLI version (all but .env)', async () => {
    const flags = ['--database', 'sqlite', '--auth', 'api-key', '--cache', 'redis', '--features', 'webhooks,metrics,k8s,docker'];
    cwd = join(tempDir(), 'first');
    expect(await createMain(['api', ...flags, ...offline, '--quiet'])).toBe(0);
    const first = join(cwd, 'api');
    cwd = first;
    expect(await solidMain(['generate', 'resource', 'order', '--fields', 'total:number,paid:boolean?', '--force', '--quiet', '--no-migrate', '--no-test'])).toBe(0);

    cwd = join(tempDir(), 'second');
    expect(await createMain(['api', '--from', join(first, 'solid-backend.json'), ...offline, '--json'])).toBe(0);
    const result = parsedJson();
    expect(result['replayedFrom']).toEqual({ path: join(first, 'solid-backend.json'), cliVersion: expect.any(String), sameCliVersion: true, resources: 1 });

    const [a, b] = [filesOf(first), filesOf(join(cwd, 'api'))];
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a].filter(([path, bytes]) => !bytes.equals(b.get(path)!)).map(([path]) => path);
    expect(differing).toEqual([]);
    expect([...a.keys()]).toContain('src/routes/orders.routes.ts');
    // The secrets are the one thing not replayed.
    expect(readFileSync(join(cwd, 'api', '.env'), 'utf8')).not.toEqual(readFileSync(join(first, '.env'), 'utf8'));
  });

  it('accepts the project folder, and reports a manifest written by another CLI version', async () => {
    expect(await createMain(['old', '--preset', 'minimal', ...offline, '--quiet'])).toBe(0);
    const manifestPath = join(cwd, 'old', 'solid-backend.json');
    writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(readFileSync(manifestPath, 'utf8')), cliVersion: '0.0.1' }));
    expect(await createMain(['new', '--from', 'old', '--dry-run', '--json'])).toBe(0);
    expect(parsedJson()).toMatchObject({ options: { auth: 'none', cache: 'none' }, replayedFrom: { cliVersion: '0.0.1', sameCliVersion: false } });
  });

  it('refuses flags or a preset beside it, a missing file, a file that is no manifest, and options the rules forbid (exit 2)', async () => {
    expect(await createMain(['base', '--yes', ...offline, '--quiet'])).toBe(0);
    expect(await createMain(['a', '--from', 'base', '--cache', 'none', ...offline])).toBe(2);
    expect(stderr).toContain('--from replays a project exactly');
    expect(await createMain(['b', '--from', 'base', '--preset', 'full', ...offline])).toBe(2);
    expect(await createMain(['c', '--from', 'nowhere/solid-backend.json', ...offline])).toBe(2);
    expect(stderr).toContain('does not exist');
    writeFileSync(join(cwd, 'options.json'), JSON.stringify({ cache: 'none' }));
    expect(await createMain(['d', '--from', 'options.json', ...offline])).toBe(2);
    expect(stderr).toContain('does not describe a project');
    const manifest = JSON.parse(readFileSync(join(cwd, 'base', 'solid-backend.json'), 'utf8')) as { options: Record<string, unknown> };
    writeFileSync(join(cwd, 'forbidden.json'), JSON.stringify({ ...manifest, options: { ...manifest.options, database: 'sqlite', auth: 'session' } }));
    expect(await createMain(['e', '--from', 'forbidden.json', ...offline])).toBe(2);
    expect(stderr).toContain('session-needs-postgres');
    expect(readdirSync(cwd).sort()).toEqual(['base', 'forbidden.json', 'options.json']);
  });
});
