import { Node, type ArrayLiteralExpression, type Expression, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import { CliError } from '../core/errors.js';

/**
 * Small, idempotent AST edits at the generated code's extension points. Each returns whether it
 * changed the file; an extension point that is missing (renamed or deleted by the user) is an error
 * naming the file and identifier, never a silent skip.
 */

function missing(sourceFile: SourceFile, what: string): CliError {
  return new CliError(
    'WIRING_ERROR',
    `${sourceFile.getFilePath().replace(/^\//, '')}: cannot find ${what}`,
    'The extension point was renamed or removed. Restore it, or wire the feature by hand.',
  );
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
  sourceFile.insertImportDeclaration(sourceFile.getImportDeclarations().length, { namedImports: [symbol], moduleSpecifier: specifier });
  return true;
}

function exportedArray(sourceFile: SourceFile, arrayName: string): ArrayLiteralExpression {
  const initializer = unwrap(sourceFile.getVariableDeclaration(arrayName)?.getInitializer());
  if (!initializer || !Node.isArrayLiteralExpression(initializer)) throw missing(sourceFile, `the array \`${arrayName}\``);
  return initializer;
}

export function appendToArray(sourceFile: SourceFile, arrayName: string, element: string): boolean {
  const array = exportedArray(sourceFile, arrayName);
  if (array.getElements().some((e) => e.getText() === element)) return false;
  array.addElement(element, { useNewLines: true });
  return true;
}

function schemaObject(sourceFile: SourceFile, variableName: string): ObjectLiteralExpression {
  const call = unwrap(sourceFile.getVariableDeclaration(variableName)?.getInitializer());
  const argument = call && Node.isCallExpression(call) ? call.getArguments()[0] : undefined;
  if (!argument || !Node.isObjectLiteralExpression(argument)) throw missing(sourceFile, `\`${variableName} = z.object({ … })\``);
  return argument;
}

export function addObjectProperty(sourceFile: SourceFile, variableName: string, name: string, initializer: string): boolean {
  const object = schemaObject(sourceFile, variableName);
  const present = object.getProperties().some((p) => Node.isPropertyAssignment(p) && p.getName() === name);
  if (present) return false;
  object.addPropertyAssignment({ name, initializer });
  return true;
}

