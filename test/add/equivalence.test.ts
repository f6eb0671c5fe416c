import { describe, expect, it } from 'vitest';
import { additionsFor } from '../../src/add/additions.js';
import type { AddRequest } from '../../src/add/target-options.js';
import type { StackOptions } from '../../src/core/options.js';
import { addOnTree } from '../helpers/add-on-tree.js';
import { pairwiseCombinations } from '../helpers/combinations.js';
import { generateTree, presetOptions, presets } from '../helpers/fixtures.js';

const describeOptions = (o: StackOptions) => `${o.database}/${o.auth}/${o.cache}/${o.queue}/${o.storage}/[${o.features.join(',')}]`;

/** The presets, and the pairwise-covering set of combinations the option matrix type-checks. */
const bases: { name: string; options: StackOptions }[] = [
  ...presets.map((preset) => ({ name: preset, options: presetOptions(preset) })),
  ...pairwiseCombinations().map((options) => ({ name: describeOptions(options), options })),
];

function pairs(): { preset: string; base: StackOptions; label: string; request: AddRequest; target: StackOptions }[] {
  return bases.flatMap(({ name: preset, options: base }) =>
    additionsFor(base).flatMap(({ command, request, target }) => (target ? [{ preset, base, label: command, request, target }] : [])),
  );
}

const cases = pairs();

describe('create P, then add X = create P+X', () => {
  it('covers every (preset, addition) pair that is an addition', async () => {
    expect(cases.filter((c) => (presets as readonly string[]).includes(c.preset))).toHaveLength(34);
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it.each(cases.map((c) => [c.preset, c.label, c] as const))('%s + %s', async (_preset, _label, { base, request, target }) => {
    const { tree } = generateTree(base);
    const plan = await addOnTree(tree, request);
    expect(plan.conflicts).toEqual([]);
    const { tree: expected } = generateTree(target);
    const generated = (t: typeof tree) => t.files().filter((path) => path !== '.env');
    expect(generated(tree)).toEqual(generated(expected));
    for (const path of generated(expected)) expect(tree.readText(path), path).toBe(expected.readText(path));
    const again = await addOnTree(tree, request);
    expect(again.changes, 'a second add changes nothing').toEqual([]);
  });
});
