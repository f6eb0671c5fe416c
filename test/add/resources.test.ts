import { describe, expect, it } from 'vitest';
import type { AddRequest } from '../../src/add/target-options.js';
import type { PartialOptions, StackOptions } from '../../src/core/options.js';
import { resourceChange } from '../../src/resource/resource-change.js';
import { projectManifestSchema } from '../../src/tree/manifest.js';
import type { MemoryTree } from '../../src/tree/memory-tree.js';
import { addOnTree } from '../helpers/add-on-tree.js';
import { generateTree, presetOptions } from '../helpers/fixtures.js';

const fields = 'title:string,price:number,published:boolean?';

/** `generate resource` on an in-memory project. */
function generateOnTree(tree: MemoryTree, name: string): void {
  const manifest = projectManifestSchema.parse(JSON.parse(tree.readText('solid-backend.json')!));
  for (const write of resourceChange(tree, manifest, name, fields).writes) tree.write(write.path, write.content!);
}

const cases: [string, string, AddRequest, PartialOptions][] = [
  ['minimal', 'auth --auth jwt', { names: ['auth'], values: { auth: 'jwt' } }, { auth: 'jwt' }],
  ['minimal', 'auth --auth api-key', { names: ['auth'], values: { auth: 'api-key' } }, { auth: 'api-key' }],
  ['minimal', 'email', { names: ['email'] }, { features: ['email'] }],
  ['standard', 'webhooks', { names: ['webhooks'] }, { features: ['ci', 'docker', 'webhooks'] }],
  ['standard', 'cache --cache redis', { names: ['cache'], values: { cache: 'redis' } }, { cache: 'redis' }],
  ['standard', 'queue --queue pg-boss', { names: ['queue'], values: { queue: 'pg-boss' } }, { queue: 'pg-boss' }],
];

// Every case on every database; pg-boss lives only in PostgreSQL, so elsewhere the queue case adds BullMQ.
const casesOnEveryDatabase = (['postgres', 'sqlite', 'mysql'] as const).flatMap((database) =>
  cases.map(([preset, label, request, overrides]): [StackOptions['database'], string, string, AddRequest, PartialOptions] =>
    database !== 'postgres' && overrides.queue === 'pg-boss'
      ? [database, preset, 'queue --queue bullmq', { names: ['queue'], values: { queue: 'bullmq' } }, { queue: 'bullmq' }]
      : [database, preset, label, request, overrides],
  ),
);

describe('add after generate resource', () => {
  it.each(casesOnEveryDatabase)('%s, %s + two resources, then add %s: the files of creating with it, then the same resources', async (database, preset, _label, request, overrides) => {
    const { tree } = generateTree(presetOptions(preset, { database }));
    generateOnTree(tree, 'product');
    generateOnTree(tree, 'blog-post');
    const plan = await addOnTree(tree, request);
    expect(plan.conflicts).toEqual([]);
    const { tree: expected } = generateTree(presetOptions(preset, { database, ...overrides }));
    generateOnTree(expected, 'product');
    generateOnTree(expected, 'blog-post');
    const files = (t: MemoryTree) => t.files().filter((path) => path !== '.env');
    expect(files(tree)).toEqual(files(expected));
    for (const path of files(expected)) expect(tree.readText(path), path).toBe(expected.readText(path));
  });

  it('records the resource, with its migration number, in the manifest', () => {
    const { tree } = generateTree(presetOptions('minimal'));
    generateOnTree(tree, 'product');
    const manifest = projectManifestSchema.parse(JSON.parse(tree.readText('solid-backend.json')!));
    expect(manifest.resources).toEqual([{ name: 'product', fields, migration: '0100' }]);
  });
});
