import { envExtensionPoint, extensionPoints, importSpecifier } from '../features/extension-points.js';
import type { EnvVar, Registration } from '../features/types.js';
import type { MemoryTree } from '../tree/memory-tree.js';
import { addObjectProperty, appendToArray, ensureNamedImport } from './ops.js';
import { createWiringProject } from './project.js';

export interface WiringInput {
  registrations: readonly Registration[];
  env: readonly EnvVar[];
}

/**
 * Applies registrations and env vars to the extension-point files in the tree with ts-morph, the way
 * `add` edits a project the user may have changed. Returns the files whose text changed; a second run
 * with the same input changes nothing.
 */
export function applyWiring(tree: MemoryTree, input: WiringInput): string[] {
  const project = createWiringProject();
  const changed = new Set<string>();
  const open = (path: string) => {
    const existing = project.getSourceFile(path);
    if (existing) return existing;
    const text = tree.readText(path);
    if (text === undefined) throw new Error(`Extension point file ${path} is missing`);
    return project.createSourceFile(path, text);
  };

  for (const registration of input.registrations) {
    const point = extensionPoints[registration.point];
    const sourceFile = open(point.file);
    const imported = ensureNamedImport(sourceFile, registration.symbol, importSpecifier(registration.point, registration.from));
    const appended = appendToArray(sourceFile, point.arrayName, registration.symbol);
    if (imported || appended) changed.add(point.file);
  }
  for (const variable of input.env) {
    const sourceFile = open(envExtensionPoint.file);
    if (addObjectProperty(sourceFile, envExtensionPoint.variableName, variable.name, variable.schema)) changed.add(envExtensionPoint.file);
    if (variable.secret && appendToArray(sourceFile, envExtensionPoint.secretsArray, `'${variable.name}'`)) changed.add(envExtensionPoint.file);
    if (variable.requiredInProduction && appendToArray(sourceFile, envExtensionPoint.requiredArray, `'${variable.name}'`)) changed.add(envExtensionPoint.file);
  }
  for (const path of changed) tree.write(path, project.getSourceFileOrThrow(path).getFullText());
  return [...changed].sort();
}
