import { builtinModules } from 'node:module';
import { ts } from 'ts-morph';
import type { PackageJsonShape } from './fingerprint.js';

/**
 * Every module specifier a source file names: static and dynamic imports, `export … from`, and
 * `import type` (a type-only import still needs the package, or its @types, to be installed).
 */
export function moduleSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

/** `@aws-sdk/client-s3/dist/x` → `@aws-sdk/client-s3`; `vitest/config` → `vitest`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const builtins = new Set(builtinModules);

function isBare(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/');
}

/**
 * The bare specifiers of one file that its project does not declare. The shared node_modules of the
 * matrix holds every combination's dependencies, so a type-check there passes even when a file imports
 * a package its own package.json lacks, which would fail after a real install: this catches that.
 * Allowed: Node builtins, the project's own `#imports`, and packages in dependencies/devDependencies
 * (an `@types/…` package alone does not count: the import also runs).
 */
export function undeclaredSpecifiers(specifiers: readonly string[], packageJson: PackageJsonShape): string[] {
  const declared = new Set([...Object.keys(packageJson.dependencies ?? {}), ...Object.keys(packageJson.devDependencies ?? {})]);
  const ownImports = packageJson.imports !== null && typeof packageJson.imports === 'object' ? Object.keys(packageJson.imports) : [];
  return specifiers.filter((specifier) => {
    if (!isBare(specifier)) return false;
    if (specifier.startsWith('node:') || builtins.has(specifier)) return false;
    if (specifier.startsWith('#')) return !ownImports.some((key) => key === specifier || (key.endsWith('*') && specifier.startsWith(key.slice(0, -1))));
    return !declared.has(packageOf(specifier));
  });
}
