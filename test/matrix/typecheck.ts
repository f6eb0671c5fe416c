import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import type { DistinctProgram } from './generate-matrix.js';
import { mapLimit } from './pool.js';

/** Writes a program's inputs and package.json to `dir`, with node_modules linked to the shared one. */
export function writeProgram(dir: string, program: DistinctProgram, contents: ReadonlyMap<string, Buffer>, nodeModules: string): void {
  for (const [path, hash] of program.files) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents.get(hash)!);
  }
  writeFileSync(join(dir, 'package.json'), program.packageJson);
  symlinkSync(nodeModules, join(dir, 'node_modules'), 'dir');
}

export interface TypecheckFailure {
  /** The program's directory name under the root, or undefined for output no program can be blamed for. */
  dir: string | undefined;
  output: string;
}

export interface TypecheckRun {
  checked: number;
  failures: TypecheckFailure[];
  seconds: number;
}

/** Splits the programs into `count` batches of about equal size (by file count, largest first). */
function batches(dirs: readonly string[], sizes: readonly number[], count: number): string[][] {
  const out = Array.from({ length: count }, () => ({ dirs: [] as string[], files: 0 }));
  const order = dirs.map((dir, i) => ({ dir, size: sizes[i]! })).sort((a, b) => b.size - a.size);
  for (const { dir, size } of order) {
    const lightest = out.reduce((min, batch) => (batch.files < min.files ? batch : min));
    lightest.dirs.push(dir);
    lightest.files += size;
  }
  return out.map((batch) => batch.dirs).filter((list) => list.length > 0);
}

/** Groups `tsc -b` diagnostics (`p12/src/x.ts(3,4): error …` plus indented continuation lines) by directory. */
export function diagnosticsByDir(output: string): Map<string | undefined, string[]> {
  const grouped = new Map<string | undefined, string[]>();
  let current: string | undefined;
  for (const line of output.split('\n')) {
    if (line.trim() === '' || /^Found \d+ errors?/.test(line)) continue;
    const dir = /^([^/\s]+)\/\S*\(\d+,\d+\): /.exec(line)?.[1];
    if (dir !== undefined) current = dir;
    else if (!/^\s/.test(line)) current = undefined;
    grouped.set(current, [...(grouped.get(current) ?? []), line]);
  }
  return grouped;
}

/**
 * Type-checks every program directory under `root` with the native compiler in build mode: `tsc -b`
 * over a solution file per batch checks each referenced project exactly as `tsc -p` would, and shares
 * the parsed declarations of the common node_modules between projects (about a quarter less CPU than a
 * process per program). `concurrency` batches run at once, each single-threaded: on two cores the
 * compiler's own threads only add contention. `--force` because a build-mode check skips projects whose
 * build info says they are up to date.
 */
export async function typecheckPrograms(root: string, dirs: readonly string[], sizes: readonly number[], tscBin: string, concurrency: number): Promise<TypecheckRun> {
  const started = performance.now();
  const outputs = await mapLimit(batches(dirs, sizes, concurrency), concurrency, async (batch, index) => {
    const solution = `matrix-solution-${index}.json`;
    writeFileSync(join(root, solution), JSON.stringify({ files: [], references: batch.map((dir) => ({ path: `./${dir}` })) }, null, 2));
    const run = await execa('node', [tscBin, '-b', solution, '--singleThreaded', '--force', '--pretty', 'false'], { cwd: root, reject: false, all: true });
    return { exitCode: run.exitCode, output: run.all };
  });
  const failures: TypecheckFailure[] = [];
  for (const { exitCode, output } of outputs) {
    const grouped = diagnosticsByDir(output);
    for (const [dir, lines] of grouped) failures.push({ dir, output: lines.join('\n') });
    if (exitCode !== 0 && grouped.size === 0) failures.push({ dir: undefined, output: `tsc -b exited with ${String(exitCode)} and printed nothing` });
  }
  return { checked: dirs.length, failures, seconds: (performance.now() - started) / 1000 };
}

/** A failure as a reader needs it: the combinations that share the program, then tsc's diagnostics. */
export function describeTypecheckFailure(failure: TypecheckFailure, program: DistinctProgram | undefined): string {
  if (!program) return `tsc output not tied to a program:\n${failure.output}`;
  const shown = program.combinations.slice(0, 5).join('\n  ');
  const more = program.combinations.length > 5 ? `\n  … and ${program.combinations.length - 5} more` : '';
  return `${failure.dir ?? '?'}: program shared by ${program.combinations.length} combination(s):\n  ${shown}${more}\n${failure.output.split('\n').slice(0, 40).join('\n')}`;
}
