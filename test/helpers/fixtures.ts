import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { loadPreset } from '../../src/core/presets.js';
import { resolveOptions } from '../../src/core/resolve-options.js';
import type { PartialOptions, StackOptions } from '../../src/core/options.js';
import { generate } from '../../src/generate.js';
import { resolvePlan } from '../../src/plan/resolve.js';
import type { Plan } from '../../src/plan/plan.js';
import { MemoryTree } from '../../src/tree/memory-tree.js';

export const presets = ['minimal', 'standard', 'full'] as const;

export function presetOptions(name: string, overrides: PartialOptions = {}): StackOptions {
  return resolveOptions(loadPreset(name, process.cwd()), overrides);
}

export function generateTree(options: StackOptions, projectName = 'demo-api'): { plan: Plan; tree: MemoryTree } {
  const plan = resolvePlan(projectName, options);
  const tree = new MemoryTree();
  generate(plan, tree, { cliVersion: '0.0.0-test' });
  return { plan, tree };
}

/** A temporary directory removed after the current test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'csb-test-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
