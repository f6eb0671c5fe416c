import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMain, solidMain } from '../../src/cli/main.js';
import { hashContent } from '../../src/tree/manifest.js';
import { tempDir } from '../helpers/fixtures.js';

let stdout = '';
let stderr = '';
let cwd = '';

beforeEach(() => {
  stdout = '';
  stderr = '';
  cwd = tempDir();
  vi.spyOn(process, 'cwd').mockReturnValue(cwd);
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

const offline = ['--no-install', '--no-git'];

describe('create-solid-backend: bad input exits 2 and writes nothing', () => {
  it.each([
    [['Bad_Name', '--yes'], 'is not a valid npm package name'],
    [['app', '--database', 'oracle'], 'Unknown value "oracle" for --database'],
    [['app', '--features', 'docker,kafka'], 'Unknown value "kafka" for --features'],
    [['app', '--preset', 'enormous'], 'Unknown preset "enormous"'],
    [['app', '--preset', './missing.json'], 'does not exist'],
    [['app', '--frobnicate'], "unknown option '--frobnicate'"],
    [['--yes'], 'No project directory given'],
  ])('%j', async (args, message) => {
    expect(await createMain(args)).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuses a preset file that fails the schema', async () => {
    writeFileSync(join(cwd, 'bad.json'), JSON.stringify({ cache: 'memcached' }));
    expect(await createMain(['app', '--preset', './bad.json'])).toBe(2);
    expect(stderr).toContain('does not match the options schema');
    expect(existsSync(join(cwd, 'app'))).toBe(false);
  });

  it('refuses a non-empty directory without --force, touching nothing', async () => {
    mkdirSync(join(cwd, 'app'));
    writeFileSync(join(cwd, 'app', 'keep.txt'), 'mine');
    expect(await createMain(['app', '--yes', ...offline])).toBe(2);
    expect(stderr).toContain('is not empty');
    expect(readdirSync(join(cwd, 'app'))).toEqual(['keep.txt']);
  });

  it('prints a JSON error object with --json', async () => {
    expect(await createMain(['app', '--json', '--cache', 'disk'])).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { code: 'INVALID_OPTION' } });
  });
});

describe('create-solid-backend: runs', () => {
  it('--dry-run prints the plan and writes nothing', async () => {
    expect(await createMain(['app', '--preset', 'standard', '--dry-run'])).toBe(0);
    expect(stdout).toContain('dry run: nothing written');
    expect(stdout).toContain('src/app.ts');
    expect(stdout).toMatch(/fastify@\d/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--json --dry-run prints one result object', async () => {
    expect(await createMain(['app', '--json', '--dry-run', '--preset', 'minimal', '--cache', 'memory'])).toBe(0);
    const result = JSON.parse(stdout) as { options: { cache: string; features: string[] }; files: { path: string }[]; dryRun: boolean };
    expect(result.dryRun).toBe(true);
    expect(result.options).toMatchObject({ cache: 'memory', features: [] });
    expect(result.files.map((f) => f.path)).toContain('solid-backend.json');
  });

  it('writes the project with a manifest that hashes every generated file', async () => {
    expect(await createMain(['orders-api', '--yes', ...offline])).toBe(0);
    const root = join(cwd, 'orders-api');
    const manifest = JSON.parse(readFileSync(join(root, 'solid-backend.json'), 'utf8')) as { cliVersion: string; files: Record<string, string> };
    expect(manifest.cliVersion).toMatch(/^\d+\.\d+\.\d+/);
    for (const [path, hash] of Object.entries(manifest.files)) expect(hashContent(readFileSync(join(root, path))), path).toBe(hash);
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))).toMatchObject({ name: 'orders-api' });
    expect(readFileSync(join(root, '.env'), 'utf8')).toMatch(/^CURSOR_SECRET=[\w-]{43}$/m);
    expect(stderr).toContain('skipped (--no-install)');
    expect(stdout).toContain('cd orders-api');
    expect(readdirSync(cwd)).toEqual(['orders-api']);
  });

  it('flags override the preset', async () => {
    expect(await createMain(['app', '--json', '--dry-run', '--preset', 'standard', '--cache', 'none', '--features', 'docker'])).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ options: { cache: 'none', features: ['docker'] } });
  });

  it('--help and --version exit 0', async () => {
    expect(await createMain(['--help'])).toBe(0);
    expect(await createMain(['--version'])).toBe(0);
  });
});

describe('solid-backend', () => {
  it('list --json names the options and features, and what a project has', async () => {
    expect(await createMain(['svc', '--yes', '--preset', 'minimal', ...offline])).toBe(0);
    stdout = '';
    vi.mocked(process.cwd).mockReturnValue(join(cwd, 'svc', 'src'));
    expect(await solidMain(['list', '--json'])).toBe(0);
    const listing = JSON.parse(stdout) as { project: string; features: { id: string; installed: boolean }[] };
    expect(listing.project).toBe(join(cwd, 'svc'));
    expect(listing.features.find((f) => f.id === 'cache-none')?.installed).toBe(true);
    expect(listing.features.find((f) => f.id === 'docker')?.installed).toBe(false);
  });

  it('list says when each feature is selected, grouping combined conditions', async () => {
    expect(await solidMain(['list', '--json'])).toBe(0);
    const listing = JSON.parse(stdout) as { features: { id: string; selectedBy: string }[] };
    const selectedBy = (id: string) => listing.features.find((f) => f.id === id)?.selectedBy;
    expect(selectedBy('queue-in-process')).toBe('--queue none and (--features email or --features webhooks or --auth jwt|session)');
    expect(selectedBy('redis')).toBe('--cache redis or --queue bullmq');
    expect(selectedBy('email-log')).toBe('--auth jwt|session and --features without email');
  });

  it('an unknown command exits 2', async () => {
    expect(await solidMain(['frobnicate'])).toBe(2);
  });
});
