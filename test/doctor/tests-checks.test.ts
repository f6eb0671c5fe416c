import { describe, expect, it } from 'vitest';
import { summarise, testTimeoutMs } from '../../src/doctor/checks/tests.js';
import type { MemoryTree } from '../../src/tree/memory-tree.js';
import { check, edit, fakeRunner, freshTree } from './helpers.js';

function installed(tree: MemoryTree): MemoryTree {
  tree.write('node_modules/.package-lock.json', '{}');
  return tree;
}

describe('tests-present', () => {
  it('fails without a test script', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'package.json', /"test": "vitest run",\n\s*/, '');
    expect(await check(tree, 'tests-present')).toMatchObject({ status: 'fail', detail: 'package.json has no "test" script' });
  });

  it("fails on npm init's placeholder script", async () => {
    const tree = freshTree('minimal');
    edit(tree, 'package.json', '"test": "vitest run"', '"test": "echo \\"Error: no test specified\\" && exit 1"');
    expect((await check(tree, 'tests-present')).status).toBe('fail');
  });

  it('fails without test files', async () => {
    const tree = freshTree('minimal');
    for (const path of tree.files().filter((p) => p.endsWith('.test.ts'))) tree.delete(path);
    expect(await check(tree, 'tests-present')).toMatchObject({ status: 'fail', detail: 'no *.test.ts or *.spec.ts files' });
  });
});

describe('tests-pass', () => {
  it('warns that tests were skipped, without running anything', async () => {
    const run = fakeRunner();
    expect(await check(installed(freshTree('minimal')), 'tests-pass', { run, runTests: false })).toMatchObject({ status: 'warn', detail: 'not run (tests skipped)' });
    expect(run.calls).toEqual([]);
  });

  it('warns when dependencies are not installed', async () => {
    const result = await check(freshTree('minimal'), 'tests-pass', { runTests: true });
    expect(result).toMatchObject({ status: 'warn', detail: 'not run: dependencies are not installed (no node_modules)' });
  });

  it('runs npm test in the project with a timeout and passes with its summary', async () => {
    const run = fakeRunner({ 'npm test': { stdout: '\n Test Files  15 passed (15)\n      Tests  97 passed (97)\n' } });
    const result = await check(installed(freshTree('standard')), 'tests-pass', { run, runTests: true });
    expect(result.status).toBe('pass');
    expect(result.detail).toMatch(/^npm test passed in \d+ s: 97 passed \(97\)$/);
    expect(run.calls).toEqual([{ command: 'npm test', cwd: '/project', timeoutMs: testTimeoutMs }]);
  });

  it('fails naming the first failing test', async () => {
    const output = [' FAIL  test/unit/env.test.ts > loadEnv > refuses * in production', 'AssertionError: expected …', ' Test Files  1 failed | 14 passed (15)', '      Tests  1 failed | 96 passed (97)'].join('\n');
    const run = fakeRunner({ 'npm test': { exitCode: 1, stdout: output } });
    const result = await check(installed(freshTree('minimal')), 'tests-pass', { run, runTests: true });
    expect(result).toMatchObject({ status: 'fail', detail: 'npm test failed (exit 1): test/unit/env.test.ts > loadEnv > refuses * in production' });
  });

  it('fails when the tests hang past the timeout', async () => {
    const run = fakeRunner({ 'npm test': { exitCode: undefined, timedOut: true } });
    const result = await check(installed(freshTree('minimal')), 'tests-pass', { run, runTests: true });
    expect(result).toMatchObject({ status: 'fail', detail: 'npm test did not finish within 15 min' });
  });

  it('warns when npm cannot be started', async () => {
    const result = await check(installed(freshTree('minimal')), 'tests-pass', { run: fakeRunner(), runTests: true });
    expect(result).toMatchObject({ status: 'warn', detail: 'could not run npm test: npm: command not found' });
  });
});

describe('summarise', () => {
  it('reads vitest and jest summaries through colour codes', () => {
    expect(summarise('\u001b[2m      Tests \u001b[22m \u001b[1m\u001b[32m12 passed\u001b[39m (12)')).toEqual({ summary: '12 passed (12)', firstFailure: undefined });
    expect(summarise('Tests:       1 failed, 20 passed, 21 total\n ✕ adds (3 ms)').summary).toBe('1 failed, 20 passed, 21 total');
  });

  it('names the failing file when vitest prints one, else the failing test', () => {
    const output = ' ❯ test/unit/cursor.test.ts (4 tests | 1 failed) 12ms\n   × round-trips an opaque, URL-safe token 4ms\n\n FAIL   unit  test/unit/cursor.test.ts > cursor > round-trips an opaque, URL-safe token\n';
    expect(summarise(output).firstFailure).toBe('unit test/unit/cursor.test.ts > cursor > round-trips an opaque, URL-safe token');
    expect(summarise('   × round-trips an opaque, URL-safe token 4ms\n').firstFailure).toBe('round-trips an opaque, URL-safe token');
  });
});
