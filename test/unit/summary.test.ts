import { describe, expect, it } from 'vitest';
import type { CreateProjectResult } from '../../src/api/create-project.js';
import { printSummary } from '../../src/cli/output.js';
import { resolveOptions } from '../../src/core/resolve-options.js';
import type { StepResult } from '../../src/tasks/steps.js';

function summary(database: 'postgres' | 'sqlite' | 'mysql', migrate: StepResult['status']): string {
  const step = (id: StepResult['id'], status: StepResult['status']): StepResult => ({ id, title: id, status, durationMs: 1 });
  const result: CreateProjectResult = {
    projectName: 'demo',
    targetDir: '/tmp/demo',
    options: resolveOptions({ database }),
    features: [],
    dependencies: {},
    devDependencies: {},
    files: [],
    dryRun: false,
    steps: [step('install', 'passed'), step('git', 'passed'), step('migrate', migrate), step('test', migrate)],
    ok: true,
  };
  const lines: string[] = [];
  printSummary(result, 'demo', (line) => lines.push(line));
  return lines.join('\n').replace(/\u001b\[[0-9;]*m/g, '');
}

describe('the next steps after create', () => {
  it('name the embedded database on PostgreSQL and SQLite', () => {
    expect(summary('postgres', 'passed')).toContain('embedded PGlite, no server needed');
    expect(summary('sqlite', 'passed')).toContain('SQLite file .data/app.sqlite, no server needed');
    expect(summary('sqlite', 'passed')).not.toContain('db:migrate');
  });

  it('on MySQL whose steps were skipped: start the server, then migrate, before dev', () => {
    const text = summary('mysql', 'skipped');
    const order = ['docker compose up -d mariadb', 'npm run db:migrate', 'npm run dev'].map((line) => text.indexOf(line));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain('DATABASE_URL=mysql://root:app@localhost:3306/app npm test');
    expect(summary('mysql', 'passed')).not.toContain('docker compose up');
  });
});
