import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addFeatures } from '../../src/api/add-features.js';
import { createProject } from '../../src/api/create-project.js';
import { applyChanges } from '../../src/tree/apply-changes.js';
import { tempDir } from '../helpers/fixtures.js';

const noSteps = { install: true, migrate: true, test: true } as const;

async function minimalProject(git: boolean): Promise<string> {
  const parent = tempDir();
  await createProject({ directory: 'app', cwd: parent, options: [{ auth: 'none', cache: 'none', features: [] }], skip: { ...noSteps, git: !git } });
  return join(parent, 'app');
}

function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.name === '.git') continue;
      if (entry.isDirectory()) walk(path);
      else files.set(path, readFileSync(join(root, path), 'utf8'));
    }
  };
  walk('');
  return files;
}

describe('solid-backend add on a project on disk', () => {
  it('--dry-run prints a unified diff and writes nothing', async () => {
    const root = await minimalProject(false);
    const before = snapshot(root);
    const result = await addFeatures({ cwd: join(root, 'src'), names: ['webhooks'], dryRun: true });
    expect(result.diff).toContain('--- a/src/routes/index.ts\n+++ b/src/routes/index.ts');
    expect(result.diff).toMatch(/^\+import \{ webhooksRoutes \} from '\.\/webhooks\.routes\.js';$/m);
    expect(result.diff).toContain('--- /dev/null\n+++ b/migrations/0004_webhooks/up.sql');
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses uncommitted changes unless --force', async () => {
    const root = await minimalProject(true);
    writeFileSync(join(root, 'README.md'), 'mine\n');
    await expect(addFeatures({ cwd: root, names: ['ci'], skip: noSteps })).rejects.toMatchObject({ code: 'UNCOMMITTED_CHANGES', exitCode: 2, details: ['README.md'] });
    const forced = await addFeatures({ cwd: root, names: ['ci'], skip: noSteps, force: true });
    expect(forced.changes.map((c) => c.path)).toContain('.github/workflows/ci.yml');
  });

  it('in a larger repository, only changes inside the project count', async () => {
    const root = await minimalProject(false);
    const repo = join(root, '..');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, stdio: 'pipe' });
    git('init', '--quiet');
    git('add', '--all');
    git('commit', '--quiet', '-m', 'monorepo');
    writeFileSync(join(repo, 'elsewhere.txt'), 'not the project\n');
    const added = await addFeatures({ cwd: root, names: ['ci'], skip: noSteps });
    expect(added.changes.map((c) => c.path)).toContain('.github/workflows/ci.yml');
    await expect(addFeatures({ cwd: root, names: ['docker'], skip: noSteps })).rejects.toMatchObject({ code: 'UNCOMMITTED_CHANGES' });
  });

  it('names edited files it would have to overwrite, and writes nothing', async () => {
    const root = await minimalProject(false);
    const path = join(root, 'src/app/dependencies.ts');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n\s*const graph: Dependencies = \{/, '\n  // ours\n  const graph: Dependencies = {'));
    const before = snapshot(root);
    await expect(addFeatures({ cwd: root, names: ['email'], skip: noSteps })).rejects.toMatchObject({ code: 'EDITED_FILES', exitCode: 2, details: [expect.stringContaining('src/app/dependencies.ts')] });
    expect(snapshot(root)).toEqual(before);
  });

  it('outside a project: a usage error', async () => {
    await expect(addFeatures({ cwd: tempDir(), names: ['ci'] })).rejects.toMatchObject({ code: 'NOT_A_PROJECT', exitCode: 2 });
  });

  it('a write failing part way restores every file it touched', async () => {
    const root = await minimalProject(false);
    const result = await addFeatures({ cwd: root, names: ['webhooks'], dryRun: true });
    const before = snapshot(root);
    let writes = 0;
    const failing = {
      writeFile: (path: string, content: Buffer) => {
        writes += 1;
        if (writes === 20) throw new Error('disk full');
        writeFileSync(path, content);
      },
    };
    const changes = result.changes.map(({ path }) => ({ path, content: Buffer.from(`changed ${path}\n`) }));
    expect(changes.length).toBeGreaterThan(20);
    expect(() => applyChanges(root, changes, failing)).toThrow(/disk full/);
    expect(snapshot(root)).toEqual(before);
    expect(existsSync(join(root, 'migrations/0004_webhooks'))).toBe(false);
  });
});

describe('the solid-backend bin', () => {
  it('adds, says there is nothing left to do, and lists what add can still do', () => {
    const parent = tempDir();
    const bin = join(process.cwd(), 'bin/solid-backend.js');
    execFileSync('node', [join(process.cwd(), 'bin/create-solid-backend.js'), 'app', '--preset', 'minimal', '--no-git', '--no-install'], { cwd: parent, stdio: 'pipe' });
    const root = join(parent, 'app');
    const first = execFileSync('node', [bin, 'add', 'docker', '--no-install'], { cwd: root, encoding: 'utf8' });
    expect(first).toMatch(/Features \+docker: \d+ files changed/);
    const second = execFileSync('node', [bin, 'add', 'docker'], { cwd: root, encoding: 'utf8' });
    expect(second).toContain('Nothing to do');
    const listed = JSON.parse(execFileSync('node', [bin, 'list', '--json'], { cwd: join(root, 'src'), encoding: 'utf8' })) as {
      options: { name: string; current?: unknown }[];
      features: { id: string; installed: boolean }[];
      additions: { command: string; features: string[]; refused?: string }[];
    };
    expect(listed.options.find((o) => o.name === 'features')?.current).toEqual(['docker']);
    expect(listed.features.filter((f) => f.installed).map((f) => f.id)).toContain('docker');
    expect(listed.additions.map((a) => a.command)).not.toContain('solid-backend add docker');
    expect(listed.additions.find((a) => a.command === 'solid-backend add webhooks')?.features).toEqual(['jobs', 'queue-in-process', 'webhooks']);
    expect(listed.additions.find((a) => a.command === 'solid-backend add storage --storage s3')?.refused).toMatch(/uploads/);
  });
});
