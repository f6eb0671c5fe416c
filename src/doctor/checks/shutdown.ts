import { Node, SyntaxKind } from 'ts-morph';
import { extensionPoints } from '../../features/extension-points.js';
import { SourceIndex } from '../ts-source.js';
import { fail, pass, warn, type DoctorCheck } from '../types.js';

const signalMethods = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const serverNames = /^(app|server|fastify|instance|httpServer)$/;

/**
 * The API's entry: the file that calls `app.listen(…)`. Its shutdown is what matters here (a worker
 * process has its own); the handler, the close and the hooks must be reachable from it.
 */
function serverEntry(index: SourceIndex): string | undefined {
  for (const call of index.files('.listen(').flatMap((source) => source.getDescendantsOfKind(SyntaxKind.CallExpression))) {
    const callee = call.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'listen' && serverNames.test(callee.getExpression().getText())) return SourceIndex.pathOf(call);
  }
  return undefined;
}

/** `process.on('SIGTERM', …)`, or `process.once(signal, …)` in a file that lists 'SIGTERM' (a loop over signals). */
function sigtermHandler(index: SourceIndex, scope: ReadonlySet<string>): string | undefined {
  for (const source of index.files('SIGTERM').filter((file) => scope.has(SourceIndex.pathOf(file)))) {
    const mentionsSigterm = source.getDescendantsOfKind(SyntaxKind.StringLiteral).some((literal) => literal.getLiteralValue() === 'SIGTERM');
    if (!mentionsSigterm) continue;
    for (const call of source.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      const [signal] = call.getArguments();
      if (!Node.isPropertyAccessExpression(callee) || callee.getExpression().getText() !== 'process' || !signalMethods.has(callee.getName()) || !signal) continue;
      if (!Node.isStringLiteral(signal) || signal.getLiteralValue() === 'SIGTERM') return SourceIndex.where(call);
    }
  }
  return undefined;
}

/** `app.close()` (or server/fastify): stops accepting connections and lets in-flight requests finish. */
function serverClose(index: SourceIndex, scope: ReadonlySet<string>): string | undefined {
  const sources = index.files('.close(').filter((file) => scope.has(SourceIndex.pathOf(file)));
  for (const call of sources.flatMap((source) => source.getDescendantsOfKind(SyntaxKind.CallExpression))) {
    const callee = call.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'close' && serverNames.test(callee.getExpression().getText().replace(/^.*\./, ''))) {
      return SourceIndex.where(call);
    }
  }
  return undefined;
}

/** Cheatsheet §15: on SIGTERM, stop accepting, drain, then close connections (the shutdown hooks). */
export const shutdownCheck: DoctorCheck = {
  id: 'graceful-shutdown',
  title: 'Graceful shutdown',
  run(context) {
    const index = context.source();
    const entry = serverEntry(index);
    // Two hops: the entry, the modules it imports (shutdown.ts), and theirs.
    const scope = entry === undefined ? new Set(index.files().map((source) => SourceIndex.pathOf(source))) : index.reachableFrom(entry, 2);
    const where = entry ?? 'src/';
    const handler = sigtermHandler(index, scope);
    if (handler === undefined) return fail(`no SIGTERM handler (process.on/once) in ${where}`, "Handle SIGTERM: process.once('SIGTERM', () => shutdown('SIGTERM')) in src/index.ts.");
    const close = serverClose(index, scope);
    if (close === undefined) return fail(`${handler} handles SIGTERM, but nothing calls app.close()`, 'Close the server in the shutdown (await app.close()), so in-flight requests finish before the process exits.');
    const point = extensionPoints.shutdownHooks;
    const hooks = index.arrayElements(point.file, point.arrayName);
    if (hooks === undefined) return warn(`no \`${point.arrayName}\` array in ${point.file}: connections are not closed on shutdown`, `Restore ${point.file} with closeDatabase in it.`);
    const used = [...scope].some((path) => path !== point.file && index.importsFrom(path, point.arrayName, point.file));
    if (!used) return fail(`\`${point.arrayName}\` (${point.file}) is never run by ${where}`, `Pass it to createShutdown({ hooks: ${point.arrayName}, … }) in ${where}.`);
    if (!hooks.some((hook) => /database|db|pool/i.test(hook.name))) {
      return warn(`\`${point.arrayName}\` (${point.file}) does not close the database`, `Add closeDatabase to \`${point.arrayName}\`.`);
    }
    return pass(`SIGTERM handled (${handler}), server closed (${close}), ${hooks.length} shutdown hook${hooks.length === 1 ? '' : 's'} run`);
  },
};
