import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureRegistry } from '../../src/features/registry.js';
import { allTemplateFolders } from '../../src/features/types.js';
import { envExtensionPoint, extensionPoints } from '../../src/features/extension-points.js';
import { defaultTemplatesDir } from '../../src/render/render-folder.js';
import { pairwiseCombinations } from '../helpers/combinations.js';
import { generateTree, presetOptions, presets } from '../helpers/fixtures.js';

/** Template folders are the directories that hold files directly or are named by a manifest. */
function leafFolders(dir: string, prefix = ''): string[] {
  const entries = readdirSync(join(dir, prefix), { withFileTypes: true });
  const hasFiles = entries.some((e) => e.isFile());
  const nested = entries.filter((e) => e.isDirectory()).map((e) => (prefix ? `${prefix}/${e.name}` : e.name));
  const claimed = new Set(featureRegistry.flatMap(allTemplateFolders));
  return [...(hasFiles || claimed.has(prefix) ? [prefix] : []), ...nested.flatMap((n) => (claimed.has(n) ? [n] : leafFolders(dir, n)))];
}

describe('templates', () => {
  const combinations = pairwiseCombinations(presets.map((preset) => presetOptions(preset)));

  it(`render strictly for the presets and a pairwise-covering set of combinations (${combinations.length})`, () => {
    for (const options of combinations) {
      const { tree } = generateTree(options);
      for (const path of tree.files()) {
        const text = tree.readText(path)!;
        // GitHub Actions expressions are the only double braces a generated file may contain.
        expect(text.replaceAll('${{', ''), `${path} has unrendered Handlebars`).not.toContain('{{');
      }
    }
  });

  it('every template folder is used by a feature (or by generate resource), and every feature folder exists', () => {
    const used = new Set([...featureRegistry.flatMap(allTemplateFolders), 'resource']);
    for (const folder of used) expect(statSync(join(defaultTemplatesDir, folder)).isDirectory(), folder).toBe(true);
    for (const folder of leafFolders(defaultTemplatesDir).filter(Boolean)) expect(used, `templates/${folder} is not used`).toContain(folder);
  });

  it('no template folder lies inside another one (it would be rendered into the project as a folder of its own)', () => {
    const folders = [...new Set([...featureRegistry.flatMap(allTemplateFolders), 'resource'])];
    const nested = folders.flatMap((outer) => folders.filter((inner) => inner.startsWith(`${outer}/`)).map((inner) => `${inner} inside ${outer}`));
    expect(nested).toEqual([]);
  });

  it.each(presets)('preset %s: every registration points at a generated module that exports it', (preset) => {
    const { plan, tree } = generateTree(presetOptions(preset));
    for (const registration of Object.values(plan.registrations).flat()) {
      const source = tree.readText(registration.from);
      expect(source, `${registration.from} is not generated`).toBeDefined();
      expect(source).toMatch(new RegExp(`export (const|async function|function) ${registration.symbol}\\b`));
    }
    const present = new Set(plan.features.map((feature) => feature.id));
    for (const point of Object.values(extensionPoints).filter((p) => p.ownedBy === undefined || present.has(p.ownedBy))) {
      expect(tree.readText(point.file)).toContain(`export const ${point.arrayName}`);
    }
    expect(tree.readText(envExtensionPoint.file)).toContain(`export const ${envExtensionPoint.variableName} = z.object({`);
  });

  it.each(presets)('preset %s: generation is deterministic and the manifest hashes every file', (preset) => {
    const first = generateTree(presetOptions(preset)).tree;
    const second = generateTree(presetOptions(preset)).tree;
    expect(second.files()).toEqual(first.files());
    for (const path of first.files()) expect(second.readText(path), path).toBe(first.readText(path));
    const manifest = JSON.parse(first.readText('solid-backend.json')!) as { files: Record<string, string>; features: string[] };
    expect(Object.keys(manifest.files).sort()).toEqual(first.files().filter((p) => p !== 'solid-backend.json'));
    expect(manifest.features[0]).toBe('core');
  });

  it('generated tests keep no module-level state, which the shared module cache (isolate: false) needs', () => {
    const { tree } = generateTree(presetOptions('full'));
    expect(tree.readText('vitest.config.ts')).toContain('isolate: false');
    const stateful = /\bvi\.(mock|doMock|useFakeTimers|stubEnv|stubGlobal)\(/;
    for (const options of combinations) {
      const generated = generateTree(options).tree;
      for (const path of generated.files().filter((file) => file.startsWith('test/'))) {
        expect(generated.readText(path), path).not.toMatch(stateful);
      }
    }
  });

  it('documents every env var in .env.example', () => {
    const { plan, tree } = generateTree(presetOptions('full'));
    const example = tree.readText('.env.example')!;
    for (const variable of plan.env) expect(example).toMatch(new RegExp(`^${variable.name}=`, 'm'));
  });

  it('writes docker and CI files only when chosen', () => {
    const minimal = generateTree(presetOptions('minimal')).tree;
    const standard = generateTree(presetOptions('standard')).tree;
    for (const path of ['Dockerfile', 'docker-compose.yml', '.github/workflows/ci.yml']) {
      expect(minimal.exists(path), path).toBe(false);
      expect(standard.exists(path), path).toBe(true);
    }
    expect(existsSync(join(defaultTemplatesDir, 'core'))).toBe(true);
  });
});
