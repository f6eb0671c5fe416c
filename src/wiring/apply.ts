import type { SourceFile } from 'ts-morph';
import { envExtensionPoint, extensionPoints, importSpecifier } from '../features/extension-points.js';
import type { EnvVar, Registration } from '../features/types.js';
import { MemoryTree } from '../tree/memory-tree.js';
import { addObjectProperty, appendToArray, ensureNamedImport, removeFromArray, removeNamedImport, removeObjectProperty } from './ops.js';
import { createWiringProject } from './project.js';

export interface WiringInput {
  registrations: readonly Registration[];
  env: readonly EnvVar[];
}

export interface WiringDelta {
  add: WiringInput;
  remove?: WiringInput;
  /** Everything a fresh project with the target options has, in order: new entries go where `create` puts them. */
  order?: WiringInput;
}

/** Every file the wiring may edit. */
export const wiredFiles: readonly string[] = [...Object.values(extensionPoints).map((p) => p.file), envExtensionPoint.file];

const quoted = (name: string): string => `'${name}'`;

function before<T>(list: readonly T[] | undefined, item: T, same: (a: T, b: T) => boolean): T[] | undefined {
  if (list === undefined) return undefined;
  const index = list.findIndex((other) => same(other, item));
  return index < 0 ? undefined : list.slice(0, index);
}

function wireOne(open: (path: string) => SourceFile, changed: Set<string>, delta: WiringDelta): void {
  const sameRegistration = (a: Registration, b: Registration) => a.point === b.point && a.symbol === b.symbol;
  for (const registration of delta.remove?.registrations ?? []) {
    const point = extensionPoints[registration.point];
    const sourceFile = open(point.file);
    const removed = removeFromArray(sourceFile, point.arrayName, registration.symbol);
    const unimported = removeNamedImport(sourceFile, registration.symbol, importSpecifier(registration.point, registration.from));
    if (removed || unimported) changed.add(point.file);
  }
  for (const variable of delta.remove?.env ?? []) {
    const sourceFile = open(envExtensionPoint.file);
    const removed = [
      removeObjectProperty(sourceFile, envExtensionPoint.variableName, variable.name),
      removeFromArray(sourceFile, envExtensionPoint.secretsArray, quoted(variable.name)),
      removeFromArray(sourceFile, envExtensionPoint.requiredArray, quoted(variable.name)),
    ];
    if (removed.some(Boolean)) changed.add(envExtensionPoint.file);
  }
  for (const registration of delta.add.registrations) {
    const point = extensionPoints[registration.point];
    const sourceFile = open(point.file);
    const predecessors = before(delta.order?.registrations.filter((r) => r.point === registration.point), registration, sameRegistration)?.map((r) => r.symbol);
    const imported = ensureNamedImport(sourceFile, registration.symbol, importSpecifier(registration.point, registration.from));
    const appended = appendToArray(sourceFile, point.arrayName, registration.symbol, predecessors);
    if (imported || appended) changed.add(point.file);
  }
  for (const variable of delta.add.env) {
    const sourceFile = open(envExtensionPoint.file);
    const earlier = before(delta.order?.env, variable, (a, b) => a.name === b.name);
    const { variableName, secretsArray, requiredArray } = envExtensionPoint;
    const edits = [addObjectProperty(sourceFile, variableName, variable.name, variable.schema, earlier?.map((v) => v.name))];
    if (variable.secret) edits.push(appendToArray(sourceFile, secretsArray, quoted(variable.name), earlier?.filter((v) => v.secret).map((v) => quoted(v.name))));
    if (variable.requiredInProduction) {
      edits.push(appendToArray(sourceFile, requiredArray, quoted(variable.name), earlier?.filter((v) => v.requiredInProduction).map((v) => quoted(v.name))));
    }
    if (edits.some(Boolean)) changed.add(envExtensionPoint.file);
  }
}

/**
 * Applies registrations and env vars to the extension-point files in the tree with ts-morph, the way
 * `add` edits a project the user may have changed. Returns the files whose text changed; a second run
 * with the same input changes nothing.
 */
export function applyWiring(tree: MemoryTree, input: WiringInput | WiringDelta): string[] {
  const delta: WiringDelta = 'add' in input ? input : { add: input };
  const project = createWiringProject();
  const changed = new Set<string>();
  const open = (path: string) => {
    const existing = project.getSourceFile(path);
    if (existing) return existing;
    const text = tree.readText(path);
    if (text === undefined) throw new Error(`Extension point file ${path} is missing`);
    return project.createSourceFile(path, text);
  };
  wireOne(open, changed, delta);
  for (const path of changed) tree.write(path, project.getSourceFileOrThrow(path).getFullText());
  return [...changed].sort();
}

/** The wiring of one file only (`add` merging into a file the user changed). */
export function wireFile(path: string, text: string, delta: WiringDelta): string {
  const forFile = (input: WiringInput): WiringInput => ({
    registrations: input.registrations.filter((r) => extensionPoints[r.point].file === path),
    env: path === envExtensionPoint.file ? input.env : [],
  });
  const tree = new MemoryTree();
  tree.write(path, text);
  applyWiring(tree, { add: forFile(delta.add), ...(delta.remove ? { remove: forFile(delta.remove) } : {}), ...(delta.order ? { order: delta.order } : {}) });
  return tree.readText(path) ?? text;
}
