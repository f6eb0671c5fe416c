import { describe, expect, it } from 'vitest';
import type { FeatureName } from '../../src/core/options.js';
import { resolveOptions } from '../../src/core/resolve-options.js';
import { dependencyUnion, generateMatrix } from '../matrix/generate-matrix.js';
import { isLintable, isProgramInput, programFingerprint } from '../matrix/fingerprint.js';
import { moduleSpecifiers, undeclaredSpecifiers } from '../matrix/imports.js';
import { limiter, mapLimit } from '../matrix/pool.js';
import { programsToTypecheck } from '../matrix/select-programs.js';
import { diagnosticsByDir } from '../matrix/typecheck.js';
import { combinationLabel, coveringCombinations, gateCombinations, operationsFeatures, programFactors, validCombinations } from '../helpers/combinations.js';

describe('matrix fingerprints', () => {
  it('takes TypeScript sources and tsconfigs as program inputs, not Dockerfiles or SQL', () => {
    expect(['src/app.ts', 'tsconfig.json', 'tsconfig.build.json', 'vitest.config.ts'].every(isProgramInput)).toBe(true);
    expect(['Dockerfile', 'migrations/0001_x/up.sql', '.github/workflows/ci.yml', 'package.json'].some(isProgramInput)).toBe(false);
    expect(isLintable('eslint.config.js')).toBe(true);
  });

  it('depends on paths, contents and module-resolution fields, not on order or dependencies', () => {
    const a = new Map([['src/a.ts', 'h1'], ['src/b.ts', 'h2']]);
    const b = new Map([['src/b.ts', 'h2'], ['src/a.ts', 'h1']]);
    const base = programFingerprint(a, { type: 'module', dependencies: { x: '1' } });
    expect(programFingerprint(b, { type: 'module', dependencies: { y: '2' } })).toBe(base);
    expect(programFingerprint(new Map([['src/a.ts', 'h3']]), { type: 'module' })).not.toBe(base);
    expect(programFingerprint(a, { type: 'commonjs' })).not.toBe(base);
    expect(programFingerprint(a, { type: 'module', imports: { '#x': './x.js' } })).not.toBe(base);
  });

  it('shares one program between combinations that differ only by ci, and tells docker apart', () => {
    const featureSets: FeatureName[][] = [[], [], ['docker'], ['ci'], ['email']];
    const options = featureSets.map((features) => resolveOptions({ features }));
    const matrix = generateMatrix(options);
    expect(matrix.combinations).toBe(5);
    // ci adds a workflow only; docker brings a test of its Dockerfile.
    expect(matrix.programs.map((program) => program.combinations.length)).toEqual([3, 1, 1]);
    expect(matrix.undeclaredImports).toEqual(new Map());
    expect(dependencyUnion(options).conflicts).toEqual([]);
  });
});

describe('import declarations', () => {
  it('finds static, dynamic, re-exported and type-only specifiers', () => {
    const text = "import a from 'a';\nimport type { B } from '@scope/b/sub';\nexport * from './c.js';\nconst d = await import('d');\n";
    expect(moduleSpecifiers(text)).toEqual(['a', '@scope/b/sub', './c.js', 'd']);
  });

  it('allows declared packages and their subpaths, builtins and own #imports; reports the rest', () => {
    const pkg = { dependencies: { fastify: '5' }, devDependencies: { '@scope/b': '1', vitest: '4' }, imports: { '#lib/*': './src/lib/*' } };
    const specifiers = ['fastify', '@scope/b/sub', 'vitest/config', 'node:fs', 'path', '#lib/x.js', './local.js', 'fast-check', '#other', '@types/pg'];
    expect(undeclaredSpecifiers(specifiers, pkg)).toEqual(['fast-check', '#other', '@types/pg']);
  });
});

describe('tsc -b output', () => {
  it('groups diagnostics and their continuation lines by program directory', () => {
    const output = [
      "p1/src/a.ts(1,2): error TS2322: Type 'x' is not assignable to type 'y'.",
      "  Type 'null' is not assignable to type 'string'.",
      'p7/test/b.ts(3,4): error TS7006: Parameter implicitly has an any type.',
      'error TS5083: Cannot read file /x/tsconfig.json.',
      'Found 3 errors in 2 files.',
    ].join('\n');
    const grouped = diagnosticsByDir(output);
    expect([...grouped.keys()]).toEqual(['p1', 'p7', undefined]);
    expect(grouped.get('p1')).toHaveLength(2);
  });
});

describe('concurrency helpers', () => {
  it('never runs more than the limit at once, and keeps result order', async () => {
    let running = 0;
    let peak = 0;
    const slot = limiter(2);
    const task = async (n: number) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return n;
    };
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => slot(() => task(n))))).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    peak = 0;
    expect(await mapLimit([1, 2, 3, 4], 3, task)).toEqual([1, 2, 3, 4]);
    expect(peak).toBe(3);
  });
});

describe('programs the native compiler checks', () => {
  const tuples = (list: string[], size: number): string[] =>
    size === 0 ? [''] : list.flatMap((first, i) => tuples(list.slice(i + 1), size - 1).map((rest) => `${first}|${rest}`));
  const valid = validCombinations();

  it('a 4-wise cover of the SQLite combinations holds every 4 program-factor values any of them holds', () => {
    const sqlite = valid.filter((options) => options.database === 'sqlite');
    const cover = coveringCombinations(sqlite, 4, programFactors);
    const held = new Set(cover.flatMap((options) => tuples(programFactors(options), 4)));
    // Each distinct factor list once: the check is independent of the cover's own bookkeeping.
    const distinct = [...new Set(sqlite.map((options) => programFactors(options).join(',')))].map((line) => line.split(','));
    const missing = distinct.flatMap((factors) => tuples(factors, 4)).filter((tuple) => !held.has(tuple));
    expect(missing).toEqual([]);
    expect(cover.length).toBeLessThan(distinct.length / 4);
    expect(programFactors(sqlite[0]!).filter((factor) => /^(docker|ci|k8s)=/.test(factor)).map((factor) => factor.split('=')[0])).toEqual(['docker', 'k8s']);
  });

  it('takes the programs of the typechecked cover, counted per database, and refuses one that was not generated', () => {
    const gate = gateCombinations();
    expect(gate.valid).toBe(valid.length);
    const labels = new Set(gate.generated.map(combinationLabel));
    for (const options of gate.typechecked) expect(labels.has(combinationLabel(options))).toBe(true);
    // Every combination without the operations features is generated.
    expect(gate.generated.filter((options) => !options.features.some((f) => operationsFeatures.includes(f)))).toHaveLength(
      valid.filter((options) => !options.features.some((f) => operationsFeatures.includes(f))).length,
    );
    const programs = gate.generated.map((options, index) => ({ fingerprint: String(index), combinations: [combinationLabel(options)], files: new Map(), packageJson: '{}' }));
    const { indexes, byDatabase } = programsToTypecheck(programs, gate.typechecked);
    expect(indexes).toHaveLength(gate.typechecked.length);
    expect(Object.keys(byDatabase).sort()).toEqual(['mysql', 'postgres', 'sqlite']);
    expect(() => programsToTypecheck(programs.slice(0, 10), gate.typechecked)).toThrow(/not generated/);
  });
});
