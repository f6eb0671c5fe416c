import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import { extensionPoints } from '../../features/extension-points.js';
import { SourceIndex } from '../ts-source.js';
import { fail, pass, type DoctorCheck } from '../types.js';

/** A quoted path ending in a probe name: only files holding one are parsed. */
const routeLiteral = /['"`][^'"`\n]*\/(live|liveness|livez|healthz|ready|readiness|readyz)['"`]/;
const liveness = /(^|\/)(live|liveness|livez|healthz)$/;
const readiness = /(^|\/)(ready|readiness|readyz)$/;
/** How a check, or its name, says it talks to the database. */
const databaseWords = /\bdatabase\b|\bdb\b|\bpool\b|select\s+1|\$queryRaw|\bsql`/i;

interface Route {
  path: string;
  call: CallExpression;
}

/** `app.get('/health/live', …)` and `app.route({ method: 'GET', url: '/health/ready', … })` in src/. */
function routes(index: SourceIndex): Route[] {
  const found: Route[] = [];
  for (const call of index.files(routeLiteral).flatMap((source) => source.getDescendantsOfKind(SyntaxKind.CallExpression))) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) continue;
    const [first] = call.getArguments();
    if (callee.getName() === 'get' && first && Node.isStringLiteral(first)) found.push({ path: first.getLiteralValue(), call });
    if (callee.getName() === 'route' && first && Node.isObjectLiteralExpression(first)) {
      const url = first.getProperty('url');
      const value = url && Node.isPropertyAssignment(url) ? url.getInitializer() : undefined;
      if (value && Node.isStringLiteral(value)) found.push({ path: value.getLiteralValue(), call });
    }
  }
  return found;
}

/**
 * Readiness asks the database: a `healthChecks` entry that is about the database (by name or body), or
 * the readiness handler itself querying it.
 */
function readinessChecksDatabase(index: SourceIndex, ready: Route): string | undefined {
  const point = extensionPoints.healthChecks;
  for (const element of index.arrayElements(point.file, point.arrayName) ?? []) {
    const declaration = index.variable(point.file, element.name);
    if (databaseWords.test(element.name) || databaseWords.test(declaration?.getText() ?? '')) return `${element.name} in ${point.file}`;
  }
  return databaseWords.test(ready.call.getText()) ? SourceIndex.where(ready.call) : undefined;
}

/** Cheatsheet §15: liveness and readiness probes; readiness fails when the database does not answer. */
export const healthCheck: DoctorCheck = {
  id: 'health-checks',
  title: 'Health checks (liveness, readiness)',
  run(context) {
    const index = context.source();
    const all = routes(index);
    const live = all.find((route) => liveness.test(route.path));
    const ready = all.find((route) => readiness.test(route.path));
    if (live === undefined) return fail('no liveness route (GET …/live) in src/', "Add app.get('/health/live', async () => ({ status: 'ok' })), outside auth and rate limits.");
    if (ready === undefined) return fail('no readiness route (GET …/ready) in src/', "Add app.get('/health/ready', …) that pings the database and answers 503 when it does not answer.");
    const database = readinessChecksDatabase(index, ready);
    if (database === undefined) {
      return fail(`${ready.path} (${SourceIndex.where(ready.call)}) does not check the database`, `Add databaseHealthCheck to \`${extensionPoints.healthChecks.arrayName}\` in ${extensionPoints.healthChecks.file}.`);
    }
    return pass(`${live.path} and ${ready.path}; readiness checks the database (${database})`);
  },
};
