import { Node, SyntaxKind, type Expression } from 'ts-morph';
import { envExtensionPoint } from '../../features/extension-points.js';
import { envExampleFile, envExampleValues, envSchemaVariables, schemaDefault } from '../env-values.js';
import { findRegistrations } from '../plugin-registration.js';
import { properties, SourceIndex, unwrap } from '../ts-source.js';
import { fail, pass, warn, type CheckOutcome, type DoctorCheck, type DoctorContext } from '../types.js';

const cors = '@fastify/cors';
const corsVariable = 'CORS_ORIGINS';
const composeFiles = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml'];
const fixWildcard = `List the allowed origins instead (${corsVariable}=https://app.example.com); leave it empty for no cross-origin access.`;

const isWildcardList = (value: string) => value.split(',').some((origin) => origin.trim() === '*');

/** `origin: '*'`, `origin: true` (reflects any origin) or `['*', …]` in the code itself. */
function wildcardInCode(origin: Expression | undefined): boolean {
  const node = unwrap(origin);
  if (node === undefined) return false;
  if (Node.isTrueLiteral(node)) return true;
  if (Node.isStringLiteral(node)) return isWildcardList(node.getLiteralValue());
  if (Node.isArrayLiteralExpression(node)) return node.getElements().some((e) => Node.isStringLiteral(e) && e.getLiteralValue() === '*');
  return false;
}

function codeProblem(context: DoctorContext): CheckOutcome | undefined {
  for (const registration of findRegistrations(context.source(), cors).filter((r) => r.active)) {
    const origin = registration.options === undefined ? undefined : properties(registration.options).get('origin');
    if (origin === undefined) {
      return fail(`${registration.where}: ${cors} registered without \`origin\`, so it allows every origin ('*')`, `Pass origin: a list of allowed origins (from ${corsVariable}).`);
    }
    if (wildcardInCode(origin)) return fail(`${SourceIndex.where(origin)}: CORS origin is ${origin.getText()}, which allows every origin`, fixWildcard);
  }
  return undefined;
}

function configProblem(context: DoctorContext): CheckOutcome | undefined {
  const schema = envSchemaVariables(context.source())?.get(corsVariable);
  const fallback = schema === undefined ? undefined : schemaDefault(context.source(), schema);
  if (fallback !== undefined && isWildcardList(fallback.value)) {
    return fail(`${envExtensionPoint.file}:${fallback.line}: ${corsVariable} defaults to '${fallback.value}'`, `Default it to '' (no cross-origin access). ${fixWildcard}`);
  }
  const example = envExampleValues(context.files).get(corsVariable);
  if (example !== undefined && isWildcardList(example.value)) {
    return fail(`${envExampleFile}:${example.line}: ${corsVariable}=${example.value}`, fixWildcard);
  }
  for (const file of composeFiles) {
    const lines = (context.files.read(file) ?? '').split(/\r?\n/);
    const index = lines.findIndex((line) => {
      const value = new RegExp(String.raw`${corsVariable}["']?\s*[:=]\s*["']?([^"'#]*)`).exec(line)?.[1] ?? '';
      // `${CORS_ORIGINS:-*}` falls back to '*' as surely as a literal '*'.
      return isWildcardList(value.replace(/^\$\{\w+:?-/, '').replace(/\}$/, ''));
    });
    if (index !== -1) return fail(`${file}:${index + 1}: ${corsVariable} is '*'`, fixWildcard);
  }
  return undefined;
}

/** Production must refuse '*': a '*' literal compared in a function that also mentions CORS_ORIGINS and production. */
function productionRefusesWildcard(context: DoctorContext): boolean {
  const env = context.source().file(envExtensionPoint.file);
  return (env?.getDescendantsOfKind(SyntaxKind.StringLiteral) ?? []).some((literal) => {
    if (literal.getLiteralValue() !== '*') return false;
    const body = literal.getFirstAncestor((a) => Node.isFunctionDeclaration(a) || Node.isArrowFunction(a) || Node.isFunctionExpression(a) || Node.isMethodDeclaration(a))?.getText() ?? '';
    return body.includes(corsVariable) && body.includes('production');
  });
}

/** Cheatsheet §12: CORS properly configured, not `*` in production (nor by default). */
export const corsCheck: DoctorCheck = {
  id: 'cors',
  title: "CORS not '*'",
  run(context) {
    const problem = codeProblem(context) ?? configProblem(context);
    if (problem !== undefined) return problem;
    const usesVariable = envSchemaVariables(context.source())?.has(corsVariable) ?? false;
    if (usesVariable && !productionRefusesWildcard(context)) {
      return warn(`${envExtensionPoint.file}: nothing refuses ${corsVariable}='*' when NODE_ENV=production`, `Add to validateEnvRules: if production and ${corsVariable} includes '*', report it as an issue.`);
    }
    const registered = findRegistrations(context.source(), cors).some((r) => r.active);
    if (!registered) return pass(`${cors} not registered: no cross-origin access`);
    return pass(usesVariable ? `origins come from ${corsVariable}; '*' is no default and production refuses it` : `${cors} registered with an explicit origin`);
  },
};
