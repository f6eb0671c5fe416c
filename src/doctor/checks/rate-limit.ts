import { Node, SyntaxKind, type Expression } from 'ts-morph';
import { extensionPoints } from '../../features/extension-points.js';
import { envExampleFile, envExampleValues, envSchemaVariables, schemaDefault } from '../env-values.js';
import { findRegistrations, inactiveReason } from '../plugin-registration.js';
import { properties, unwrap } from '../ts-source.js';
import { fail, pass, warn, type CheckOutcome, type DoctorCheck, type DoctorContext } from '../types.js';

const rateLimit = '@fastify/rate-limit';

/**
 * "Sane": at least 1 and at most 10,000 requests per minute per client, the cheatsheet's highest plan
 * (§11). Above that the limiter no longer stops abuse; 0 would refuse every request.
 */
export const maxRequestsPerMinute = 10_000;

/** @fastify/rate-limit's own defaults, used when the options leave them out. */
const pluginDefaults = { max: 1000, timeWindowMs: 60_000 };

/** A value the limit may take, and where it comes from (for the detail). */
interface Candidate {
  value: number;
  source: string;
}

/**
 * The values an expression may take: a number literal, an env variable (`env.RATE_LIMIT_MAX`: its schema
 * default and its .env.example value, since either may be what ships), or a product of those.
 * Undefined when it is computed some other way (a function per request, say).
 */
function candidates(context: DoctorContext, expression: Expression | undefined): Candidate[] | undefined {
  const node = unwrap(expression);
  if (node === undefined) return undefined;
  if (Node.isNumericLiteral(node)) return [{ value: node.getLiteralValue(), source: node.getText() }];
  // `max: async (request) => …` (limits per plan): every value any of its returns can give.
  if (Node.isArrowFunction(node) || Node.isFunctionExpression(node)) {
    const body = node.getBody();
    const returned = Node.isExpression(body)
      ? [body]
      : node.getDescendantsOfKind(SyntaxKind.ReturnStatement).filter((statement) => statement.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor)) === node).map((statement) => statement.getExpression());
    const values = returned.map((expression) => candidates(context, expression));
    return values.length === 0 || values.some((value) => value === undefined) ? undefined : values.flatMap((value) => value!);
  }
  // `env.RATE_LIMIT_PLANS[plan]`: each plan's count in a `name=count,…` variable.
  if (Node.isElementAccessExpression(node)) {
    const target = node.getExpression();
    const variable = Node.isPropertyAccessExpression(target) ? target.getName() : undefined;
    return variable === undefined ? undefined : planCandidates(context, variable);
  }
  if (Node.isBinaryExpression(node) && node.getOperatorToken().getText() === '*') {
    const [left, right] = [candidates(context, node.getLeft()), candidates(context, node.getRight())];
    if (!left || !right) return undefined;
    return left.flatMap((l) => right.map((r) => ({ value: l.value * r.value, source: l.source })));
  }
  const variable = Node.isPropertyAccessExpression(node) ? node.getName() : undefined;
  if (variable === undefined || !/^[A-Z][A-Z0-9_]*$/.test(variable)) return undefined;
  const found: Candidate[] = [];
  const schema = envSchemaVariables(context.source())?.get(variable);
  const fallback = schema === undefined ? undefined : schemaDefault(context.source(), schema);
  if (fallback !== undefined && Number.isFinite(Number(fallback.value))) found.push({ value: Number(fallback.value), source: `${variable} default ${fallback.value}` });
  const example = envExampleValues(context.files).get(variable);
  if (example !== undefined && example.value !== '' && Number.isFinite(Number(example.value))) {
    found.push({ value: Number(example.value), source: `${variable}=${example.value} in ${envExampleFile}` });
  }
  return found.length > 0 ? found : undefined;
}

/** The counts of a `free=100,pro=1000` variable, from its schema default and its .env.example value. */
function planCandidates(context: DoctorContext, variable: string): Candidate[] | undefined {
  const schema = envSchemaVariables(context.source())?.get(variable);
  const texts = [
    { text: schema === undefined ? undefined : schemaDefault(context.source(), schema)?.value, source: `${variable} default` },
    { text: envExampleValues(context.files).get(variable)?.value, source: `${variable} in ${envExampleFile}` },
  ];
  const found = texts.flatMap(({ text, source }) =>
    (text ?? '')
      .split(',')
      .map((pair) => /^\s*([\w-]+)\s*=\s*(\d+)\s*$/.exec(pair))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ value: Number(match[2]), source: `${source}: ${match[1]}=${match[2]}` })),
  );
  return found.length > 0 ? found : undefined;
}

function timeWindowMs(context: DoctorContext, expression: Expression | undefined): Candidate[] | undefined {
  if (expression === undefined) return [{ value: pluginDefaults.timeWindowMs, source: 'default 1 minute' }];
  const node = unwrap(expression);
  if (node && Node.isStringLiteral(node)) {
    // @fastify/rate-limit also takes ms-style strings: '1 minute', '30s', '2 hours'.
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s|sec|seconds?|m|min|minutes?|h|hours?)?$/i.exec(node.getLiteralValue().trim());
    if (!match?.[1]) return undefined;
    const unit = (match[2] ?? 'ms').toLowerCase();
    const factor = unit === 'ms' ? 1 : unit.startsWith('s') ? 1000 : unit.startsWith('m') ? 60_000 : 3_600_000;
    return [{ value: Number(match[1]) * factor, source: node.getText() }];
  }
  return candidates(context, expression);
}

function judge(maxes: Candidate[], windows: Candidate[], where: string): CheckOutcome {
  const combinations = maxes.flatMap((max) =>
    windows.map((window) => ({ max, window, perMinute: window.value > 0 ? (max.value * 60_000) / window.value : Number.POSITIVE_INFINITY })),
  );
  const refusing = combinations.find((combination) => combination.max.value < 1);
  if (refusing !== undefined) {
    return fail(`${where}: max is ${refusing.max.value}, which refuses every request (${refusing.max.source})`, 'Set a limit of at least 1 request per window.');
  }
  const worst = combinations.reduce((a, b) => (b.perMinute > a.perMinute ? b : a));
  const rate = `${worst.max.value} requests per ${worst.window.value / 1000} s (${worst.max.source})`;
  if (worst.perMinute > maxRequestsPerMinute) {
    return fail(
      `${where}: ${rate} is ${Math.round(worst.perMinute)} per minute per client, over the ${maxRequestsPerMinute} that still stops abuse`,
      'Lower it (the generated default is RATE_LIMIT_MAX=100 per RATE_LIMIT_WINDOW=60 s); raise it per route with config.rateLimit where needed.',
    );
  }
  return pass(`${rateLimit} registered (${where}): ${rate}`);
}

/** Cheatsheet §11/§12: rate limiting active, with a limit that means something. */
export const rateLimitCheck: DoctorCheck = {
  id: 'rate-limit',
  title: 'Rate limiting',
  run(context) {
    const registrations = findRegistrations(context.source(), rateLimit);
    const active = registrations.find((registration) => registration.active);
    if (active === undefined) {
      const [inactive] = registrations;
      return inactive === undefined
        ? fail(`${rateLimit} is not registered anywhere in src/`, `Register it in a plugin listed in \`plugins\` of ${extensionPoints.plugins.file}.`)
        : fail(`${rateLimit} is never registered: ${inactiveReason(inactive)}`, `Add ${inactive.enclosing ?? 'the plugin'} back to \`plugins\` in ${extensionPoints.plugins.file}.`);
    }
    const options = active.options === undefined ? undefined : properties(active.options);
    const global = options?.get('global');
    if (global !== undefined && Node.isFalseLiteral(global)) {
      return warn(`${active.where}: global: false, so only routes that opt in with config.rateLimit are limited`, 'Remove `global: false` and exempt the few routes that need it instead.');
    }
    const max = options?.get('max');
    const maxes = max === undefined ? [{ value: pluginDefaults.max, source: 'plugin default' }] : candidates(context, max);
    const windows = timeWindowMs(context, options?.get('timeWindow'));
    if (maxes === undefined || windows === undefined) return pass(`${rateLimit} registered (${active.where}); its limit is computed at run time`);
    return judge(maxes, windows, active.where);
  },
};
