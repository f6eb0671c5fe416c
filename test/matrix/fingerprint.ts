import { createHash } from 'node:crypto';

export function sha256(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * What `tsc -p .` reads from the project itself: the TypeScript sources and the tsconfigs (no template
 * imports JSON). Dockerfiles, workflows, SQL and docs are not in the program, which is why combinations
 * that differ only by docker/ci, or by storage without uploads, share one type-check.
 */
export function isProgramInput(path: string): boolean {
  return /\.[cm]?ts$/.test(path) || /^tsconfig[^/]*\.json$/.test(path);
}

/** The files `eslint .` lints with the generated config: JavaScript and TypeScript sources. */
export function isLintable(path: string): boolean {
  return /\.[cm]?[jt]s$/.test(path);
}

export interface PackageJsonShape {
  name?: string;
  type?: string;
  imports?: unknown;
  exports?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/**
 * One hash for a TypeScript program and its lint inputs: every input file by path and content, and the
 * package.json fields that steer module resolution (`type` decides ESM or CJS, `imports` the `#` paths,
 * `name`/`exports` self-references). Dependencies are left out on purpose: every program resolves them from the same
 * shared node_modules, and whether each combination declares what it imports is checked separately.
 */
export function programFingerprint(inputs: ReadonlyMap<string, string>, packageJson: PackageJsonShape): string {
  const lines = [...inputs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, hash]) => `${path}\0${hash}`);
  const { name, type, imports, exports } = packageJson;
  lines.push(JSON.stringify({ name, type, imports, exports }));
  return sha256(lines.join('\n'));
}
