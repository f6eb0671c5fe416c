import { describe, expect, it } from 'vitest';
import type { AddRequest } from '../../src/add/target-options.js';
import type { PartialOptions } from '../../src/core/options.js';
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

describe('add after generate resource', () => {
  it.each(cases)('%s + two resources, then add %s: the files of creating with it, then the same resources', async (preset, _label, request, overrides) => {
    const { tree } = generateTree(presetOptions(preset));
    generateOnTree(tree, 'product');
    generateOnTree(tree, 'blog-post');
    const plan = await addOnTree(tree, request);
    expect(plan.conflicts).toEqual([]);
    const { tree: expected } = generateTree(presetOptions(preset, overrides));
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
