import { describe, expect, it } from 'vitest';
import type { MemoryTree } from '../../src/tree/memory-tree.js';
import { check, freshTree } from './helpers.js';

function withPackages(tree: MemoryTree, names: readonly string[]): MemoryTree {
  const manifest = JSON.parse(tree.readText('package.json')!) as { dependencies: Record<string, string> };
  for (const name of names) manifest.dependencies[name] = '1.0.0';
  tree.write('package.json', JSON.stringify(manifest));
  return tree;
}

describe('error-tracking', () => {
  it('warns without a tracker, naming the add that brings one', async () => {
    expect(await check(freshTree('minimal'), 'error-tracking')).toMatchObject({ status: 'warn', fix: expect.stringContaining('solid-backend add sentry') });
  });

  it('warns when the SDK is declared but never imported, and passes the full preset', async () => {
    expect(await check(withPackages(freshTree('minimal'), ['@sentry/node']), 'error-tracking')).toMatchObject({ status: 'warn', detail: '@sentry/node is declared but nothing under src/ imports it' });
    expect(await check(freshTree('full'), 'error-tracking')).toMatchObject({ status: 'pass', detail: expect.stringMatching(/^@sentry\/node, imported by src\//) });
  });
});

describe('monitoring', () => {
  it('warns without metrics, and when prom-client serves no /metrics route', async () => {
    expect(await check(freshTree('standard'), 'monitoring')).toMatchObject({ status: 'warn', fix: expect.stringContaining('solid-backend add metrics') });
    expect(await check(withPackages(freshTree('standard'), ['prom-client']), 'monitoring')).toMatchObject({ status: 'warn', detail: expect.stringContaining('no /metrics route') });
  });

  it('passes the full preset', async () => {
    expect(await check(freshTree('full'), 'monitoring')).toMatchObject({ status: 'pass', detail: expect.stringMatching(/^prom-client, \/metrics in src\//) });
  });
});

describe('runbook-backups', () => {
  it('passes every preset, and names what is missing when the runbook and backup script are gone', async () => {
    for (const preset of ['minimal', 'standard', 'full'] as const) expect((await check(freshTree(preset), 'runbook-backups')).status).toBe('pass');
    const tree = freshTree('standard');
    for (const path of tree.files()) if (/runbook\.md$/i.test(path) || /^scripts\/.*backup/i.test(path)) tree.delete(path);
    const manifest = JSON.parse(tree.readText('package.json')!) as { scripts: Record<string, string> };
    for (const name of Object.keys(manifest.scripts)) if (/backup/.test(name)) delete manifest.scripts[name];
    tree.write('package.json', JSON.stringify(manifest));
    expect(await check(tree, 'runbook-backups')).toMatchObject({ status: 'warn', detail: 'missing: RUNBOOK.md, backup script' });
  });
});
