import { describe, expect, it } from 'vitest';
import { authSchema, cacheSchema } from '../../src/core/options.js';
import { envExtensionPoint, extensionPoints } from '../../src/features/extension-points.js';
import { templateFolders } from '../../src/features/types.js';
import type { Plan } from '../../src/plan/plan.js';
import { buildContext } from '../../src/render/context.js';
import { renderFolder } from '../../src/render/render-folder.js';
import { MemoryTree } from '../../src/tree/memory-tree.js';
import { applyWiring } from '../../src/wiring/apply.js';
import { generateTree, presetOptions, presets } from '../helpers/fixtures.js';

const wiredFiles = [...Object.values(extensionPoints).map((p) => p.file), envExtensionPoint.file];

/** Equal up to formatting: white space and trailing commas do not count. */
function normalise(code: string): string {
  return code.replace(/\s+/g, '').replace(/,([\]}])/g, '$1');
}

function renderExtensionPoints(plan: Plan): MemoryTree {
  const tree = new MemoryTree();
  const owners = new Map<string, string>();
  for (const feature of plan.features) for (const folder of templateFolders(feature, plan.options)) renderFolder(folder, buildContext(plan), tree, owners);
  return tree;
}

/**
 * The same wiring has two interpreters: Handlebars renders the extension points on create (fast, no
 * ts-morph), ts-morph edits existing code on add. Rendering them empty and wiring everything with
 * ts-morph must give what rendering with everything gives.
 */
describe('templates and ts-morph wiring agree', () => {
  const cases = [
    ...presets.map((preset) => [`preset ${preset}`, presetOptions(preset)] as const),
    ...authSchema.options.map((auth) => [`--auth ${auth}`, presetOptions('standard', { auth })] as const),
    ...cacheSchema.options.map((cache) => [`--cache ${cache}`, presetOptions('standard', { cache })] as const),
  ];
  it.each(cases)('%s', (_name, options) => {
    const { plan, tree: rendered } = generateTree(options);
    const empty: Plan = { ...plan, env: [], registrations: { plugins: [], routes: [], healthChecks: [], shutdownHooks: [], jobs: [], eventSubscribers: [] } };
    const wired = renderExtensionPoints(empty);
    const input = { registrations: Object.values(plan.registrations).flat(), env: plan.env };
    const changed = applyWiring(wired, input);
    expect(changed.length).toBeGreaterThan(0);
    for (const file of wiredFiles.filter((path) => rendered.readText(path) !== undefined)) expect(normalise(wired.readText(file)!), file).toBe(normalise(rendered.readText(file)!));
    expect(applyWiring(wired, input), 'a second run changes nothing').toEqual([]);
  });
});

describe('two registrations from one module', () => {
  it('render as one import, as ts-morph writes them', () => {
    const { plan } = generateTree(presetOptions('minimal'));
    const shared = [
      { point: 'healthChecks' as const, symbol: 'aCheck', from: 'src/lib/pair.ts' },
      { point: 'healthChecks' as const, symbol: 'bCheck', from: 'src/lib/pair.ts' },
    ];
    const withPair: Plan = { ...plan, registrations: { ...plan.registrations, healthChecks: [...plan.registrations.healthChecks, ...shared] } };
    const rendered = renderExtensionPoints(withPair).readText('src/app/health-checks.ts')!;
    expect(rendered).toContain("import { aCheck, bCheck } from '../lib/pair.js';");
    const wired = renderExtensionPoints(plan);
    applyWiring(wired, { registrations: shared, env: [] });
    expect(normalise(wired.readText('src/app/health-checks.ts')!)).toBe(normalise(rendered));
  });
});
