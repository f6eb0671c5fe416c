import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionRules } from '../../src/core/rules.js';
import { combinationLabel, gateCombinations, pairwiseCombinations, rawCombinations } from '../helpers/combinations.js';
import { generateTree, presetOptions, presets } from '../helpers/fixtures.js';
import { dependencyUnion, generateMatrix, type DependencyUnion, type Matrix } from '../matrix/generate-matrix.js';
import { describeLintFailure, lintDistinctFiles } from '../matrix/lint.js';
import { limiter } from '../matrix/pool.js';
import { installSharedModules, nativeAlias, sharedModules, type SharedModules } from '../matrix/shared-modules.js';
import { programsToTypecheck } from '../matrix/select-programs.js';
import { describeTypecheckFailure, typecheckPrograms, writeProgram, type TypecheckRun } from '../matrix/typecheck.js';
import { workDir } from './harness.js';

/**
 * The option matrix gate. Which combinations are valid the rules decide (that each invalid one is refused
 * with its rule id is a unit test). Every valid combination of the options without the operations
 * features (metrics, sentry, otel, k8s) and covering sets of the whole space (gateCombinations) are
 * generated in memory. Combinations whose TypeScript program is the same (docker, ci and k8s add no
 * source, storage matters only with uploads) share one directory; the programs of a 4-wise cover of the
 * whole valid space are type-checked by the native TypeScript 7 compiler and every distinct file is linted
 * once, all against ONE node_modules holding the union of the dependencies. What that shared node_modules
 * could hide, a file importing a package its own project does not declare, is checked per combination.
 * The presets and a pairwise-covering set also run the projects' own pinned TypeScript 6.0.3 and
 * `eslint .`, as `npm run typecheck` and `npm run lint` do. Installs, migrations and the generated tests
 * run in the other e2e files.
 */
describe('option matrix: covering sets of every valid combination type-check and lint', () => {
  const work = workDir('matrix');
  const sharedDir = join(work.dir, 'shared');
  const programsRoot = join(work.dir, 'programs');
  const started = performance.now();
  const timings: Record<string, string> = {};
  const counts: Record<string, number> = {};
  const dirNames: string[] = [];
  const dirByFingerprint = new Map<string, string>();
  let dependencies: DependencyUnion;
  let matrix: Matrix;
  let shared: SharedModules;
  let typechecking: Promise<TypecheckRun | Error>;

  const gate = gateCombinations();

  beforeAll(async () => {
    const combinations = gate.generated;
    dependencies = dependencyUnion(combinations);
    // npm installs in its own process while this one generates the trees.
    const installStarted = performance.now();
    const installing = installSharedModules(sharedDir, dependencies.union);
    matrix = generateMatrix(combinations);
    timings['generate'] = matrix.seconds.toFixed(0);
    const install = await installing;
    expect(install.exitCode, install.output).toBe(0);
    shared = await sharedModules(sharedDir, (performance.now() - installStarted) / 1000);
    timings['install (during generate)'] = shared.seconds.toFixed(0);
    matrix.programs.forEach((program, index) => {
      const dir = `p${index}`;
      writeProgram(join(programsRoot, dir), program, matrix.contents, shared.nodeModules);
      dirNames.push(dir);
      dirByFingerprint.set(program.fingerprint, dir);
    });
    // The programs of a 4-wise cover of every valid combination (select-programs.ts).
    const selected = programsToTypecheck(matrix.programs, gate.typechecked);
    for (const [database, n] of Object.entries(selected.byDatabase)) counts[`${database} programs type-checked`] = n;
    // The type-check runs in two child processes; it starts now so that linting, in this process,
    // overlaps it, and its test below awaits the outcome.
    const sizes = selected.indexes.map((index) => matrix.programs[index]!.files.size);
    const dirs = selected.indexes.map((index) => dirNames[index]!);
    typechecking = typecheckPrograms(programsRoot, dirs, sizes, shared.native.bin, 2).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  });

  afterAll(() => {
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const phases = Object.entries(timings).map(([phase, s]) => `${phase} ${s}s`).join(', ');
    const figures = Object.entries(counts).map(([name, n]) => `${n} ${name}`).join(', ');
    console.log(`option matrix: ${figures}; ${phases}; ${seconds}s in all`);
    work.remove();
  });

  it('generates every combination without the operations features and covers of the rest, each package wanted at one version only', () => {
    const raw = rawCombinations();
    counts['raw combinations'] = raw.length;
    for (const rule of optionRules) counts[`refused by ${rule.id}`] = raw.filter((options) => rule.violatedBy(options)).length;
    counts['valid combinations'] = gate.valid;
    counts['generated combinations'] = matrix.combinations;
    counts['distinct programs'] = matrix.programs.length;
    expect(matrix.combinations).toBe(gate.generated.length);
    expect(matrix.programs.reduce((n, program) => n + program.combinations.length, 0)).toBe(matrix.combinations);
    expect(dependencies.conflicts, 'the shared node_modules can hold one version of each').toEqual([]);
  });

  it(`type-checks with the native compiler, installed as ${nativeAlias}`, () => {
    expect(shared.native.version).toBe('7.0.2');
    expect(shared.native.exe).toContain(`@typescript/typescript-${process.platform}-${process.arch}`);
  });

  it('every package a combination imports is declared in its own package.json', () => {
    const findings = [...matrix.undeclaredImports].map(
      ([finding, labels]) => `${finding}, undeclared in ${labels.length} combination(s), e.g.\n  ${labels.slice(0, 3).join('\n  ')}`,
    );
    expect(findings, findings.join('\n')).toEqual([]);
  });

  it('every distinct file lints under the generated ESLint config', async () => {
    const run = await lintDistinctFiles(matrix.lintTargets, matrix.contents, (fingerprint) => join(programsRoot, dirByFingerprint.get(fingerprint)!), shared.nodeModules);
    timings['lint'] = run.seconds.toFixed(0);
    counts['distinct files linted'] = run.linted;
    counts['lint warnings'] = run.warnings;
    const reports = run.failures.map(describeLintFailure);
    expect(reports, `${reports.length} file(s) fail to lint:\n\n${reports.slice(0, 10).join('\n\n')}`).toEqual([]);
  });

  it('the programs of a 4-wise cover of every valid combination type-check (TypeScript 7 native, tsc -b, two at a time)', async () => {
    const run = await typechecking;
    if (run instanceof Error) throw run;
    timings['typecheck'] = run.seconds.toFixed(0);
    const programByDir = new Map(matrix.programs.map((program, index) => [dirNames[index], program]));
    const reports = run.failures.map((failure) => describeTypecheckFailure(failure, failure.dir === undefined ? undefined : programByDir.get(failure.dir)));
    expect(reports, `${reports.length} program(s) fail to type-check:\n\n${reports.slice(0, 10).join('\n\n')}`).toEqual([]);
  });

  describe('presets and pairwise-covering combinations with the pinned TypeScript 6.0.3 and `eslint .`', { concurrent: true }, () => {
    const combinations = pairwiseCombinations(presets.map((preset) => presetOptions(preset)));
    // Two projects at a time: tsc 6 is single-threaded, and the machine has two cores.
    const slot = limiter(2);
    let pinnedStarted: number | undefined;

    it.each(combinations.map((options, index) => [index, combinationLabel(options), options] as const))('#%i %s', (index, _label, options) =>
      slot(async () => {
        const started = performance.now();
        const dir = join(work.dir, `combo-${index}`);
        const { tree } = generateTree(options, `combo-${index}`);
        for (const path of tree.files()) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), tree.read(path)!);
        }
        symlinkSync(shared.nodeModules, join(dir, 'node_modules'), 'dir');
        const typecheck = await execa('node', [shared.tsc, '--noEmit', '-p', '.'], { cwd: dir, reject: false, all: true });
        expect(typecheck.exitCode, typecheck.all).toBe(0);
        const lint = await execa('node', [shared.eslint, '.'], { cwd: dir, reject: false, all: true });
        expect(lint.exitCode, lint.all).toBe(0);
        counts['combinations checked with TypeScript 6.0.3 + eslint .'] = combinations.length;
        pinnedStarted ??= started;
        timings['pinned (wall)'] = ((performance.now() - pinnedStarted) / 1000).toFixed(0);
      }),
    );
  });
});
