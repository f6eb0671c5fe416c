import { Node, SyntaxKind, type Expression } from 'ts-morph';
import { envExtensionPoint } from '../features/extension-points.js';
import { documentedKeys } from '../updaters/env-example.js';
import type { ProjectFiles } from './project-files.js';
import { properties, zodObjectShape, type SourceIndex } from './ts-source.js';

export const envExampleFile = '.env.example';

/** Each variable of `envSchema` (src/config/env.ts) with its zod expression; undefined if the schema is not found. */
export function envSchemaVariables(index: SourceIndex): Map<string, Expression> | undefined {
  const declaration = index.file(envExtensionPoint.file)?.getVariableDeclaration(envExtensionPoint.variableName);
  const shape = zodObjectShape(declaration?.getInitializer());
  return shape === undefined ? undefined : properties(shape);
}

/**
 * The literal passed to `.default(…)` in a variable's schema, following one identifier (CORS_ORIGINS is
 * `originList`, declared beside it). Numbers come back as their value, strings as written.
 */
export function schemaDefault(index: SourceIndex, expression: Expression): { value: string; line: number } | undefined {
  const candidates: Expression[] = [expression];
  if (Node.isIdentifier(expression)) {
    const declared = index.variable(envExtensionPoint.file, expression.getText())?.getInitializer();
    if (declared) candidates.push(declared);
  }
  for (const candidate of candidates) {
    for (const call of [candidate, ...candidate.getDescendantsOfKind(SyntaxKind.CallExpression)]) {
      if (!Node.isCallExpression(call)) continue;
      const callee = call.getExpression();
      const [argument] = call.getArguments();
      if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'default' || !argument) continue;
      if (Node.isNumericLiteral(argument)) return { value: String(argument.getLiteralValue()), line: argument.getStartLineNumber() };
      if (Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument)) {
        return { value: argument.getLiteralValue(), line: argument.getStartLineNumber() };
      }
    }
  }
  return undefined;
}

/** `NAME=value` lines of .env.example (commented-out ones excluded: they are not what gets copied). */
export function envExampleValues(files: ProjectFiles): Map<string, { value: string; line: number }> {
  const values = new Map<string, { value: string; line: number }>();
  (files.read(envExampleFile) ?? '').split(/\r?\n/).forEach((line, i) => {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (match?.[1]) values.set(match[1], { value: (match[2] ?? '').trim().replace(/^(['"])(.*)\1$/, '$2'), line: i + 1 });
  });
  return values;
}

/** Variables .env.example documents, commented-out examples included (as `solid-backend add` counts them). */
export function envExampleDocumented(files: ProjectFiles): Set<string> {
  return documentedKeys(files.read(envExampleFile) ?? '');
}
