import { Node, type ArrayLiteralExpression, type Expression, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import { CliError } from '../core/errors.js';

/**
 * Small, idempotent AST edits at the generated code's extension points. Each returns whether it
 * changed the file; an extension point that is missing (renamed or deleted by the user) is an error
 * naming the file and identifier, never a silent skip.
 */

/** An extension point the edit needs is gone from `file`: the user renamed or removed it. */
export function wiringError(file: string, what: string): CliError {
  return new CliError('WIRING_ERROR', `${file}: cannot find ${what}`, 'The extension point was renamed or removed. Restore it, or make this change by hand.');
}

function missing(sourceFile: SourceFile, what: string): CliError {
  return wiringError(sourceFile.getFilePath().replace(/^\//, ''), what);
}

/** Looks through `satisfies`, `as` and parentheses to the literal underneath. */
function unwrap(expression: Expression | undefined): Expression | undefined {
  let current = expression;
  while (current && (Node.isSatisfiesExpression(current) || Node.isAsExpression(current) || Node.isParenthesizedExpression(current))) {
    current = current.getExpression();
  }
  return current;
}

export function ensureNamedImport(sourceFile: SourceFile, symbol: string, specifier: string): boolean {
  const existing = sourceFile.getImportDeclarations().find((d) => d.getModuleSpecifierValue() === specifier && !d.isTypeOnly());
  if (existing) {
    if (existing.getNamedImports().some((n) => n.getName() === symbol)) return false;
    existing.addNamedImport(symbol);
    return true;
  }
  const inserted = sourceFile.insertImportDeclaration(sourceFile.getImportDeclarations().length, { namedImports: [symbol], moduleSpecifier: specifier });
  // Keep the blank line between the imports and the code that follows (ts-morph drops it).
  const next = inserted.getNextSibling();
  if (next && next.getStartLineNumber(true) === inserted.getEndLineNumber() + 1) sourceFile.insertText(inserted.getEnd(), '\n');
  return true;
}

function exportedArray(sourceFile: SourceFile, arrayName: string): ArrayLiteralExpression {
  const initializer = unwrap(sourceFile.getVariableDeclaration(arrayName)?.getInitializer());
  if (!initializer || !Node.isArrayLiteralExpression(initializer)) throw missing(sourceFile, `the array \`${arrayName}\``);
  return initializer;
}

/**
 * Position for a new entry: right after the last of `predecessors` (the entries that come before it
 * in a freshly generated file) that is present, so order-sensitive lists such as plugins keep the
 * order `create` would give; at the end when no predecessor is given.
 */
function insertionIndex(present: readonly string[], predecessors: readonly string[] | undefined): number {
  if (predecessors === undefined) return present.length;
  const last = Math.max(-1, ...predecessors.map((name) => present.indexOf(name)));
  return last + 1;
}

export function appendToArray(sourceFile: SourceFile, arrayName: string, element: string, predecessors?: readonly string[]): boolean {
  const array = exportedArray(sourceFile, arrayName);
  const present = array.getElements().map((e) => e.getText());
  if (present.includes(element)) return false;
  array.insertElement(insertionIndex(present, predecessors), element, { useNewLines: true });
  return true;
}

export function removeFromArray(sourceFile: SourceFile, arrayName: string, element: string): boolean {
  const array = exportedArray(sourceFile, arrayName);
  const index = array.getElements().findIndex((e) => e.getText() === element);
  if (index < 0) return false;
  array.removeElement(index);
  return true;
}

/** Drops `symbol` from the import of `specifier`, and the whole declaration when nothing is left. */
export function removeNamedImport(sourceFile: SourceFile, symbol: string, specifier: string): boolean {
  const declaration = sourceFile.getImportDeclarations().find((d) => d.getModuleSpecifierValue() === specifier && !d.isTypeOnly());
  const named = declaration?.getNamedImports().find((n) => n.getName() === symbol);
  if (!declaration || !named) return false;
  if (declaration.getNamedImports().length === 1 && !declaration.getDefaultImport() && !declaration.getNamespaceImport()) declaration.remove();
  else named.remove();
  return true;
}

function schemaObject(sourceFile: SourceFile, variableName: string): ObjectLiteralExpression {
  const call = unwrap(sourceFile.getVariableDeclaration(variableName)?.getInitializer());
  const argument = call && Node.isCallExpression(call) ? call.getArguments()[0] : undefined;
  if (!argument || !Node.isObjectLiteralExpression(argument)) throw missing(sourceFile, `\`${variableName} = z.object({ … })\``);
  return argument;
}

function propertyNames(object: ObjectLiteralExpression): string[] {
  return object.getProperties().map((p) => (Node.isPropertyAssignment(p) || Node.isShorthandPropertyAssignment(p) ? p.getName() : p.getText()));
}

export function addObjectProperty(sourceFile: SourceFile, variableName: string, name: string, initializer: string, predecessors?: readonly string[]): boolean {
  const object = schemaObject(sourceFile, variableName);
  const present = propertyNames(object);
  if (present.includes(name)) return false;
  object.insertPropertyAssignment(insertionIndex(present, predecessors), { name, initializer });
  return true;
}

export function removeObjectProperty(sourceFile: SourceFile, variableName: string, name: string): boolean {
  const object = schemaObject(sourceFile, variableName);
  const property = object.getProperties().find((p) => Node.isPropertyAssignment(p) && p.getName() === name);
  if (!property) return false;
  property.remove();
  return true;
}

