import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DistinctLintTarget } from './generate-matrix.js';

/** The part of ESLint's Node API used here (the CLI repo does not depend on eslint; the shared node_modules does). */
interface LintMessage {
  ruleId: string | null;
  line: number;
  column: number;
  message: string;
  severity: number;
}
interface LintResult {
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  messages: LintMessage[];
}
interface EslintInstance {
  lintText(code: string, options: { filePath: string; warnIgnored: boolean }): Promise<LintResult[]>;
}
interface EslintModule {
  ESLint: new (options: { cwd: string }) => EslintInstance;
}

export interface LintFailure {
  target: DistinctLintTarget;
  messages: string[];
}

export interface LintRun {
  linted: number;
  warnings: number;
  failures: LintFailure[];
  seconds: number;
}

/**
 * Lints every distinct file once, under the generated eslint.config.js of a program that holds it, with
 * that program's directory as ESLint's cwd (so the config, its ignores and plugins resolve as in
 * `eslint .`). Sound because the generated config is syntax-only: a file's findings depend on its own
 * text and the config, never on the other files. Files the config ignores return no result, as with `eslint .`.
 */
export async function lintDistinctFiles(
  targets: readonly DistinctLintTarget[],
  contents: ReadonlyMap<string, Buffer>,
  programDir: (fingerprint: string) => string,
  nodeModules: string,
): Promise<LintRun> {
  const started = performance.now();
  const eslintEntry = createRequire(join(nodeModules, '..', 'package.json')).resolve('eslint');
  const { ESLint } = (await import(pathToFileURL(eslintEntry).href)) as EslintModule;
  // One instance per config (ESLint loads it once per instance), rooted in the first program that has
  // it; every file linted under it is placed in that directory, as files outside cwd count as ignored.
  const instances = new Map<string, { eslint: EslintInstance; cwd: string }>();
  const failures: LintFailure[] = [];
  let warnings = 0;
  for (const target of targets) {
    let instance = instances.get(target.config);
    if (!instance) {
      const cwd = programDir(target.program);
      instances.set(target.config, (instance = { eslint: new ESLint({ cwd }), cwd }));
    }
    const code = contents.get(target.hash)!.toString('utf8');
    const results = await instance.eslint.lintText(code, { filePath: join(instance.cwd, target.path), warnIgnored: false });
    for (const result of results) {
      warnings += result.warningCount;
      if (result.errorCount + result.fatalErrorCount === 0) continue;
      const messages = result.messages.filter((m) => m.severity === 2).map((m) => `${target.path}:${m.line}:${m.column} ${m.message} (${m.ruleId ?? 'fatal'})`);
      failures.push({ target, messages });
    }
  }
  return { linted: targets.length, warnings, failures, seconds: (performance.now() - started) / 1000 };
}

export function describeLintFailure({ target, messages }: LintFailure): string {
  const shown = target.combinations.slice(0, 3).join('\n  ');
  const more = target.combinations.length > 3 ? `\n  … and ${target.combinations.length - 3} more` : '';
  return `${target.path} as generated for ${target.combinations.length} combination(s):\n  ${shown}${more}\n${messages.join('\n')}`;
}
