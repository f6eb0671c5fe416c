import { Node, SyntaxKind, type ObjectLiteralExpression } from 'ts-morph';
import { extensionPoints } from '../features/extension-points.js';
import { SourceIndex } from './ts-source.js';

export const appFile = 'src/app.ts';

export interface Registration {
  /** `src/plugins/security.ts:11` */
  where: string;
  file: string;
  /** The options object passed to `app.register(plugin, { … })`, when it is a literal. */
  options: ObjectLiteralExpression | undefined;
  /** The exported plugin the call sits in (`securityPlugin`), if any. */
  enclosing: string | undefined;
  /** Reached when the app is built: in src/app.ts, or in a plugin listed in the `plugins` array. */
  active: boolean;
}

/** The top-level exported variable or function a node sits in. */
function enclosingExport(node: Node): string | undefined {
  const topLevel = node.getAncestors().find((ancestor) => Node.isSourceFile(ancestor.getParent()));
  if (Node.isVariableStatement(topLevel) && topLevel.isExported()) return topLevel.getDeclarations()[0]?.getName();
  if (Node.isFunctionDeclaration(topLevel) && topLevel.isExported()) return topLevel.getName();
  return undefined;
}

/**
 * Every `x.register(plugin, …)` of an npm package (e.g. `@fastify/helmet`) in src/. A registration
 * counts as active when the app really runs it: it is in src/app.ts, or in an exported plugin that the
 * `plugins` extension point lists (imported from that file), or in an export src/app.ts imports.
 */
export function findRegistrations(index: SourceIndex, packageName: string): Registration[] {
  const plugins = extensionPoints.plugins;
  const listed = new Set((index.arrayElements(plugins.file, plugins.arrayName) ?? []).map((element) => element.name));
  const registrations: Registration[] = [];
  for (const source of index.files(packageName)) {
    const bindings = new Set<string>();
    for (const declaration of source.getImportDeclarations()) {
      if (declaration.getModuleSpecifierValue() !== packageName) continue;
      const defaultImport = declaration.getDefaultImport()?.getText();
      if (defaultImport) bindings.add(defaultImport);
      for (const named of declaration.getNamedImports()) bindings.add(named.getAliasNode()?.getText() ?? named.getName());
    }
    if (bindings.size === 0) continue;
    const file = SourceIndex.pathOf(source);
    for (const call of source.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      const [plugin, options] = call.getArguments();
      if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'register' || !plugin || !bindings.has(plugin.getText())) continue;
      const enclosing = enclosingExport(call);
      const active =
        file === appFile ||
        (enclosing !== undefined && listed.has(enclosing) && index.importsFrom(plugins.file, enclosing, file)) ||
        (enclosing !== undefined && index.importsFrom(appFile, enclosing, file));
      registrations.push({
        where: SourceIndex.where(call),
        file,
        options: options && Node.isObjectLiteralExpression(options) ? options : undefined,
        enclosing,
        active,
      });
    }
  }
  return registrations;
}

/** Why registrations exist but none runs: for the one-line detail. */
export function inactiveReason(registration: Registration): string {
  const point = extensionPoints.plugins;
  return registration.enclosing === undefined
    ? `${registration.where} registers it outside any exported plugin, and src/app.ts never reaches it`
    : `${registration.enclosing} (${registration.file}) is not listed in \`${point.arrayName}\` of ${point.file}`;
}
