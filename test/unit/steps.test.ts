import { describe, expect, it } from 'vitest';
import type { StepId } from '../../src/plan/plan.js';
import { registerCleanup, runCleanups } from '../../src/tree/cleanup.js';
import { runSteps, type StepReporter } from '../../src/tasks/run-steps.js';
import type { StepResult, StepSpec } from '../../src/tasks/steps.js';
import { tempDir } from '../helpers/fixtures.js';

const node = (script: string) => ({ file: process.execPath, args: ['-e', script] });

function specs(install: string): Record<StepId, StepSpec> {
  return {
    git: { id: 'git', title: 'git', commands: [node('')], timeoutMs: 10_000 },
    install: { id: 'install', title: 'install', commands: [node(install)], timeoutMs: 10_000 },
    migrate: { id: 'migrate', title: 'migrate', commands: [node('')], timeoutMs: 10_000 },
    test: { id: 'test', title: 'test', commands: [node('')], timeoutMs: 10_000 },
  };
}

const order: StepId[] = ['git', 'install', 'migrate', 'test'];

describe('runSteps', () => {
  it('runs every step in order and times each', async () => {
    const started: string[] = [];
    const reporter: StepReporter = { started: (s) => started.push(s.id), finished: () => undefined };
    const results = await runSteps(specs(''), order, new Map(), tempDir(), reporter);
    expect(started).toEqual(order);
    expect(results.map((r) => r.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    for (const result of results) expect(result.durationMs).toBeGreaterThan(0);
  });

  it('stops at a failing step, keeps its output tail, and skips the rest saying why', async () => {
    const failing = 'for (let i = 1; i <= 50; i++) console.log("line " + i); console.error("boom"); process.exit(3)';
    const finished: StepResult[] = [];
    const results = await runSteps(specs(failing), order, new Map(), tempDir(), { started: () => undefined, finished: (r) => finished.push(r) });
    const install = results[1]!;
    expect(install.status).toBe('failed');
    expect(install.detail).toContain('boom');
    expect(install.detail).toContain('line 50');
    expect(install.detail).not.toContain('line 1\n');
    expect(results.slice(2)).toEqual([
      expect.objectContaining({ id: 'migrate', status: 'skipped', detail: 'an earlier step failed' }),
      expect.objectContaining({ id: 'test', status: 'skipped', detail: 'an earlier step failed' }),
    ]);
    expect(finished).toHaveLength(4);
  });

  it('reports skipped steps with their reason', async () => {
    const results = await runSteps(specs(''), order, new Map([['git', '--no-git']]), tempDir());
    expect(results[0]).toMatchObject({ id: 'git', status: 'skipped', detail: '--no-git' });
  });

  it('fails a step that outlives its timeout', async () => {
    const slow = specs('setTimeout(() => {}, 60_000)');
    slow.install.timeoutMs = 300;
    const results = await runSteps(slow, ['install'], new Map(), tempDir());
    expect(results[0]).toMatchObject({ status: 'failed', detail: expect.stringContaining('timed out') });
  });
});

describe('cleanup registry', () => {
  it('runs pending undo actions once, even when one of them throws', () => {
    const ran: string[] = [];
    registerCleanup(() => ran.push('a'));
    registerCleanup(() => {
      throw new Error('already gone');
    });
    const unregister = registerCleanup(() => ran.push('never'));
    unregister();
    registerCleanup(() => ran.push('c'));
    runCleanups();
    runCleanups();
    expect(ran).toEqual(['a', 'c']);
  });
});
