import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackOptions } from '../../src/core/options.js';
import { pairwiseCombinations } from '../helpers/combinations.js';
import { generateTree, presetOptions, presets } from '../helpers/fixtures.js';
import { cleanEnv, workDir } from './harness.js';

function label(options: StackOptions): string {
  return Object.entries(options)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') || '-' : String(value)}`)
    .join(' ');
}

/**
 * The presets and a set of combinations that holds every pair of option values any valid combination
 * holds (all valid combinations are over a thousand), generated and then type-checked and linted
 * against ONE node_modules holding the union of all their dependencies: seconds per combination
 * instead of an install each. The real installs, migrations and test runs are in the other e2e files.
 */
describe('option matrix: presets and pairwise-covering combinations type-check and lint', () => {
  const work = workDir('matrix');
  const shared = join(work.dir, 'shared');
  const combinations = pairwiseCombinations(presets.map((preset) => presetOptions(preset)));
  afterAll(() => work.remove());

  beforeAll(async () => {
    const union: Record<string, string> = {};
    for (const options of combinations) {
      const { plan } = generateTree(options);
      Object.assign(union, plan.dependencies, plan.devDependencies);
    }
    mkdirSync(shared, { recursive: true });
    writeFileSync(join(shared, 'package.json'), JSON.stringify({ name: 'matrix-shared', private: true, type: 'module', dependencies: union }));
    const install = await execa('npm', ['install', '--no-audit', '--no-fund'], { cwd: shared, env: cleanEnv(), reject: false, all: true });
    expect(install.exitCode, install.all).toBe(0);
  });

  it.each(combinations.map((options, index) => [index, label(options), options] as const))('#%i %s', async (index, _label, options) => {
    const dir = join(work.dir, `combo-${index}`);
    const { tree } = generateTree(options, `combo-${index}`);
    for (const path of tree.files()) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), tree.read(path)!);
    }
    symlinkSync(join(shared, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const bin = (pkg: string, file: string) => join(shared, 'node_modules', pkg, file);
    const typecheck = await execa('node', [bin('typescript', 'bin/tsc'), '--noEmit', '-p', '.'], { cwd: dir, reject: false, all: true });
    expect(typecheck.exitCode, typecheck.all).toBe(0);
    const lint = await execa('node', [bin('eslint', 'bin/eslint.js'), '.'], { cwd: dir, reject: false, all: true });
    expect(lint.exitCode, lint.all).toBe(0);
  });
});
