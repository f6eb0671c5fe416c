import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';

const bin = (name: string) => join(process.cwd(), 'bin', name);
const run = (cwd: string, ...args: string[]) => spawnSync('node', [bin('solid-backend.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

function standardProject(): string {
  const parent = tempDir();
  spawnSync('node', [bin('create-solid-backend.js'), 'app', '--preset', 'standard', '--no-git', '--no-install'], { cwd: parent });
  return join(parent, 'app');
}

describe('solid-backend doctor and generate resource, through the bin', () => {
  it('doctor passes a fresh project (exit 0) and fails one with CORS open to everyone (exit 1), naming it', () => {
    const root = standardProject();
    const fresh = run(root, 'doctor', '--no-test', '--no-audit', '--json');
    expect(fresh.status, fresh.stdout + fresh.stderr).toBe(0);
    const example = join(root, '.env.example');
    writeFileSync(example, readFileSync(example, 'utf8').replace(/^CORS_ORIGINS=.*$/m, 'CORS_ORIGINS=*'));
    const broken = run(root, 'doctor', '--no-test', '--no-audit');
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/fail\s+cors\s+.*\.env\.example:\d+: CORS_ORIGINS=\*/);
  });

  it('generate resource refuses bad fields with exit 2 and writes nothing', () => {
    const root = standardProject();
    const before = readFileSync(join(root, 'src/routes/index.ts'), 'utf8');
    for (const fields of ['id:string', 'title:string,title:number', 'price:money', '']) {
      const result = run(root, 'generate', 'resource', 'product', '--fields', fields);
      expect(result.status, `${fields}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(/✖/);
    }
    expect(readFileSync(join(root, 'src/routes/index.ts'), 'utf8')).toBe(before);
  });

  it('outside a project every project command is a usage error', () => {
    const outside = tempDir();
    for (const args of [['doctor'], ['add', 'ci'], ['generate', 'resource', 'product', '--fields', 'title:string']]) {
      const result = run(outside, ...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('No solid-backend.json');
    }
  });
});
