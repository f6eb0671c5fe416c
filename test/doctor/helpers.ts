import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { memoryProjectFiles } from '../../src/doctor/project-files.js';
import { auditProject, type CheckResult, type CommandResult, type CommandRunner, type DoctorReport } from '../../src/doctor/run-doctor.js';
import { doctorChecks } from '../../src/doctor/registry.js';
import type { MemoryTree } from '../../src/tree/memory-tree.js';
import { generateTree, presetOptions } from '../helpers/fixtures.js';

export type Preset = 'minimal' | 'standard' | 'full';

export function freshTree(preset: Preset): MemoryTree {
  return generateTree(presetOptions(preset)).tree;
}

/** Replaces `search` in one file of the tree, failing loudly if the fixture no longer contains it. */
export function edit(tree: MemoryTree, path: string, search: string | RegExp, replacement: string): void {
  const text = tree.readText(path);
  expect(text, `${path} exists`).toBeDefined();
  const next = (text ?? '').replace(search, replacement);
  expect(next, `${path} contains ${String(search)}`).not.toBe(text);
  tree.write(path, next);
}

export interface FakeCall {
  command: string;
  cwd: string;
  timeoutMs: number;
}

/**
 * A CommandRunner answering from a table keyed by command-line prefix ("git ls-files -z --cached").
 * Unlisted git commands answer as outside a repository; anything else as not installed.
 */
export function fakeRunner(answers: Record<string, Partial<CommandResult>> = {}): CommandRunner & { calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const runner = async (file: string, args: readonly string[], options: { cwd: string; timeoutMs: number }): Promise<CommandResult> => {
    const command = [file, ...args].join(' ');
    calls.push({ command, ...options });
    const key = Object.keys(answers).find((prefix) => command.startsWith(prefix));
    const base: CommandResult =
      file === 'git'
        ? { exitCode: 128, stdout: '', stderr: 'fatal: not a git repository', timedOut: false }
        : { exitCode: undefined, stdout: '', stderr: '', timedOut: false, startError: `${file}: command not found` };
    return key === undefined ? base : { exitCode: 0, stdout: '', stderr: '', timedOut: false, ...answers[key] };
  };
  return Object.assign(runner, { calls });
}

/** Git answers for a repository that tracks `tracked` and has `untracked` files not ignored. */
export function gitAnswers(tracked: readonly string[], untracked: readonly string[] = []): Record<string, Partial<CommandResult>> {
  return {
    'git rev-parse --is-inside-work-tree': { stdout: 'true\n' },
    'git ls-files -z --cached': { stdout: tracked.map((path) => `${path}\0`).join('') },
    'git ls-files -z --others --exclude-standard': { stdout: untracked.map((path) => `${path}\0`).join('') },
  };
}

export async function audit(
  tree: MemoryTree,
  options: { ids?: string[]; run?: CommandRunner; runTests?: boolean; audit?: boolean } = {},
): Promise<DoctorReport> {
  const checks = options.ids === undefined ? doctorChecks : doctorChecks.filter((check) => options.ids?.includes(check.id));
  return auditProject({
    root: '/project',
    files: memoryProjectFiles(tree),
    run: options.run ?? fakeRunner(),
    runTests: options.runTests ?? false,
    audit: options.audit ?? false,
    checks,
  });
}

/** Runs one check over the tree and returns its result. */
export async function check(tree: MemoryTree, id: string, options: { run?: CommandRunner; runTests?: boolean; audit?: boolean } = {}): Promise<CheckResult> {
  const report = await audit(tree, { ...options, ids: [id] });
  const [result] = report.results;
  if (result === undefined) throw new Error(`no check ${id}`);
  return result;
}

export function writeTree(tree: MemoryTree, dir: string): void {
  for (const path of tree.files()) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), tree.read(path) ?? '');
  }
}
