import type { StackOptions } from '../../src/core/options.js';
import { generate } from '../../src/generate.js';
import { resolvePlan } from '../../src/plan/resolve.js';
import { MemoryTree } from '../../src/tree/memory-tree.js';
import { combinationLabel } from '../helpers/combinations.js';
import { isLintable, isProgramInput, programFingerprint, sha256, type PackageJsonShape } from './fingerprint.js';
import { moduleSpecifiers, undeclaredSpecifiers } from './imports.js';

/** One TypeScript program shared by every combination whose program inputs are identical. */
export interface DistinctProgram {
  fingerprint: string;
  /** Labels of the combinations that share it; the first is the one written to disk. */
  combinations: string[];
  /** Program inputs and lintable files of the first combination: path → content hash. */
  files: Map<string, string>;
  packageJson: string;
}

/** A file as some combinations generate it, linted once under the ESLint config they share. */
export interface DistinctLintTarget {
  path: string;
  hash: string;
  config: string;
  /** The first program holding it: its directory has the config and node_modules ESLint needs. */
  program: string;
  combinations: string[];
}

export interface Matrix {
  combinations: number;
  programs: DistinctProgram[];
  lintTargets: DistinctLintTarget[];
  /** Content by sha256, for every program input and lintable file of any combination. */
  contents: Map<string, Buffer>;
  /** `path imports 'pkg'` → the combinations whose own package.json does not declare that package. */
  undeclaredImports: Map<string, string[]>;
  seconds: number;
}

const lintConfigPath = 'eslint.config.js';

export interface DependencyUnion {
  /** Every combination's dependencies and devDependencies, for the one shared node_modules. */
  union: Record<string, string>;
  /** `name: a and b` for a package two combinations want at different versions (one install cannot hold both). */
  conflicts: string[];
}

/** From the plans alone (milliseconds), so the install can start while the trees are generated. */
export function dependencyUnion(all: readonly StackOptions[], projectName = 'matrix-api'): DependencyUnion {
  const union: Record<string, string> = {};
  const conflicts = new Set<string>();
  for (const options of all) {
    const plan = resolvePlan(projectName, options);
    for (const [name, version] of Object.entries({ ...plan.dependencies, ...plan.devDependencies })) {
      if (union[name] !== undefined && union[name] !== version) conflicts.add(`${name}: ${union[name]} and ${version}`);
      union[name] ??= version;
    }
  }
  return { union, conflicts: [...conflicts] };
}

/**
 * Generates every combination into memory, one at a time, keeping only what the gate needs: distinct
 * programs, distinct lint targets, contents by hash (a few hundred files, not 1728 trees) and the
 * import findings. Specifiers are parsed once per distinct content.
 */
export function generateMatrix(all: readonly StackOptions[], projectName = 'matrix-api'): Matrix {
  const started = performance.now();
  const programs = new Map<string, DistinctProgram>();
  const lintTargets = new Map<string, DistinctLintTarget>();
  const contents = new Map<string, Buffer>();
  const specifiersByHash = new Map<string, string[]>();
  const undeclaredImports = new Map<string, string[]>();

  for (const options of all) {
    const label = combinationLabel(options);
    const plan = resolvePlan(projectName, options);
    const tree = new MemoryTree();
    generate(plan, tree, { cliVersion: '0.0.0-matrix' });
    const packageJsonText = tree.readText('package.json') ?? '{}';
    const packageJson = JSON.parse(packageJsonText) as PackageJsonShape;

    // The lintable files (sources and eslint.config.js) count too, so a program's directory always
    // holds the very config its lint targets were linted under.
    const inputs = new Map<string, string>();
    const lintable: [string, string][] = [];
    for (const path of tree.files()) {
      if (!isProgramInput(path) && !isLintable(path)) continue;
      const content = tree.read(path)!;
      const hash = sha256(content);
      if (!contents.has(hash)) contents.set(hash, content);
      inputs.set(path, hash);
      if (isLintable(path)) {
        lintable.push([path, hash]);
        let specifiers = specifiersByHash.get(hash);
        if (!specifiers) specifiersByHash.set(hash, (specifiers = moduleSpecifiers(content.toString('utf8'))));
        for (const name of undeclaredSpecifiers(specifiers, packageJson)) {
          const finding = `${path} imports '${name}'`;
          undeclaredImports.set(finding, [...(undeclaredImports.get(finding) ?? []), label]);
        }
      }
    }

    const fingerprint = programFingerprint(inputs, packageJson);
    let program = programs.get(fingerprint);
    if (!program) {
      program = { fingerprint, combinations: [], files: inputs, packageJson: packageJsonText };
      programs.set(fingerprint, program);
    }
    program.combinations.push(label);

    const config = sha256(tree.read(lintConfigPath) ?? '');
    for (const [path, hash] of lintable) {
      const key = `${config}\0${path}\0${hash}`;
      let target = lintTargets.get(key);
      if (!target) lintTargets.set(key, (target = { path, hash, config, program: fingerprint, combinations: [] }));
      target.combinations.push(label);
    }
  }
  return {
    combinations: all.length,
    programs: [...programs.values()],
    lintTargets: [...lintTargets.values()],
    contents,
    undeclaredImports,
    seconds: (performance.now() - started) / 1000,
  };
}
