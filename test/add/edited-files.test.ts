import { describe, expect, it } from 'vitest';
import { sameCode } from '../../src/add/merge-file.js';
import { addOnTree } from '../helpers/add-on-tree.js';
import { generateTree, presetOptions } from '../helpers/fixtures.js';

const edit = (tree: ReturnType<typeof generateTree>['tree'], path: string, change: (text: string) => string) => tree.write(path, change(tree.readText(path)!));

describe('add into files the user edited', () => {
  it('wires an edited extension point with ts-morph, in create order, keeping the user’s entries', async () => {
    const { tree } = generateTree(presetOptions('standard'));
    edit(tree, 'src/plugins/index.ts', (text) =>
      text.replace("import type { AppPlugin } from '../types/app.js';", "import type { AppPlugin } from '../types/app.js';\nimport { auditPlugin } from './audit.js';").replace(/\n\];\n$/, '\n  auditPlugin, // ours: runs last\n];\n'),
    );
    const plan = await addOnTree(tree, { names: ['metrics'] });
    expect(plan.conflicts).toEqual([]);
    expect(plan.changes.find((c) => c.path === 'src/plugins/index.ts')?.kind).toBe('wired');
    const wired = tree.readText('src/plugins/index.ts')!;
    expect(wired).toContain('auditPlugin, // ours: runs last');
    const { tree: expected } = generateTree(presetOptions('standard', { features: ['ci', 'docker', 'metrics'] }));
    const withoutOurs = wired.replace("import { auditPlugin } from './audit.js';\n", '').replace('  auditPlugin, // ours: runs last\n', '');
    expect(sameCode(withoutOurs, expected.readText('src/plugins/index.ts')!)).toBe(true);
  });

  it('adds env variables to an edited env schema, and keeps the user’s variable', async () => {
    const { tree } = generateTree(presetOptions('minimal'));
    edit(tree, 'src/config/env.ts', (text) => text.replace('export const envSchema = z.object({', "export const envSchema = z.object({\n  FEATURE_FLAGS: z.string().default(''),"));
    const plan = await addOnTree(tree, { names: ['webhooks'] });
    expect(plan.conflicts).toEqual([]);
    const env = tree.readText('src/config/env.ts')!;
    expect(env).toContain("FEATURE_FLAGS: z.string().default('')");
    expect(env).toMatch(/WEBHOOK_SECRET_KEY: /);
    expect(env).toMatch(/PRODUCTION_SECRETS = \[[^\]]*'WEBHOOK_SECRET_KEY'/s);
  });

  it('removes what a switched-away adapter registered from an edited extension point', async () => {
    const { tree } = generateTree(presetOptions('full'));
    edit(tree, 'src/app/health-checks.ts', (text) => `// Our readiness list.\n${text}`);
    await addOnTree(tree, { names: ['cache'], values: { cache: 'memory' } });
    const { tree: expected } = generateTree(presetOptions('full', { cache: 'memory' }));
    const text = tree.readText('src/app/health-checks.ts')!;
    expect(text.startsWith('// Our readiness list.\n')).toBe(true);
    expect(sameCode(text.replace('// Our readiness list.\n', ''), expected.readText('src/app/health-checks.ts')!)).toBe(true);
  });

  it('merges package.json, README and .env.example, keeping what the user added', async () => {
    const { tree } = generateTree(presetOptions('standard'));
    edit(tree, 'package.json', (text) => text.replace('"dependencies": {', '"dependencies": {\n    "left-pad": "1.3.0",'));
    edit(tree, 'README.md', (text) => `${text}\n## Our deployment notes\n\nDeploy with care.\n`);
    edit(tree, '.env.example', (text) => `${text}\n# --- Ours ---\nOUR_FLAG=1\n`);
    const plan = await addOnTree(tree, { names: ['cache'], values: { cache: 'redis' } });
    expect(plan.conflicts).toEqual([]);
    const pkg = JSON.parse(tree.readText('package.json')!) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['left-pad']).toBe('1.3.0');
    expect(pkg.dependencies['ioredis']).toBeDefined();
    expect(tree.readText('README.md')).toContain('## Our deployment notes\n\nDeploy with care.');
    expect(tree.readText('README.md')).toContain('REDIS_URL');
    expect(tree.readText('.env.example')).toContain('OUR_FLAG=1');
    expect(tree.readText('.env.example')).toMatch(/^REDIS_URL=/m);
  });

  it('refuses to overwrite an edit that overlaps the change, naming the file; --force overwrites', async () => {
    const { tree } = generateTree(presetOptions('minimal'));
    edit(tree, 'src/app/dependencies.ts', (text) => text.replace(/\n\s*const graph: Dependencies = \{/, '\n  // ours\n  const graph: Dependencies = {'));
    const before = tree.readText('src/app/dependencies.ts');
    const refused = await addOnTree(tree, { names: ['email'] });
    expect(refused.conflicts.map((c) => c.path)).toContain('src/app/dependencies.ts');
    expect(tree.readText('src/app/dependencies.ts')).toBe(before);
    const forced = await addOnTree(tree, { names: ['email'] }, true);
    expect(forced.changes.find((c) => c.path === 'src/app/dependencies.ts')?.kind).toBe('forced');
    expect(tree.readText('src/app/dependencies.ts')).toBe(generateTree(presetOptions('minimal', { features: ['email'] })).tree.readText('src/app/dependencies.ts'));
  });

  it('replays the change onto an edit elsewhere in the same file', async () => {
    const { tree } = generateTree(presetOptions('minimal'));
    edit(tree, 'src/app/dependencies.ts', (text) => `// Reviewed by the platform team.\n${text}`);
    const plan = await addOnTree(tree, { names: ['email'] });
    expect(plan.conflicts).toEqual([]);
    const expected = generateTree(presetOptions('minimal', { features: ['email'] })).tree.readText('src/app/dependencies.ts');
    expect(tree.readText('src/app/dependencies.ts')).toBe(`// Reviewed by the platform team.\n${expected}`);
  });

  it('treats a deleted generated file that the change touches as an edit', async () => {
    const { tree } = generateTree(presetOptions('minimal'));
    tree.delete('src/app/shutdown-hooks.ts');
    const plan = await addOnTree(tree, { names: ['queue'], values: { queue: 'bullmq' } });
    expect(plan.conflicts).toEqual([{ path: 'src/app/shutdown-hooks.ts', reason: expect.stringContaining('deleted') }]);
  });

  it('appends new variables to the user’s .env, leaving their values alone', async () => {
    const { tree } = generateTree(presetOptions('minimal'));
    tree.write('.env', 'PORT=4000\n');
    await addOnTree(tree, { names: ['webhooks'] });
    const dotenv = tree.readText('.env')!;
    expect(dotenv.startsWith('PORT=4000\n')).toBe(true);
    expect(dotenv).toMatch(/^WEBHOOK_SECRET_KEY=[A-Za-z0-9_-]{43}$/m);
  });
});
