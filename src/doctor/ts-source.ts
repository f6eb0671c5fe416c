import { posix } from 'node:path';
import { Node, type Expression, type ObjectLiteralExpression, type SourceFile, type VariableDeclaration } from 'ts-morph';
import { createWiringProject } from '../wiring/project.js';
import type { ProjectFiles } from './project-files.js';

/**
 * The project's TypeScript under src/, parsed (not type-checked: that would take seconds) into one
 * in-memory ts-morph project. Checks read the code's structure through it, so a commented-out
 * registration or a '*' inside a comment is never mistaken for the real thing.
 */
export class SourceIndex {
  private readonly project = createWiringProject();
  /** Text by path; a file is parsed the first time a check needs it, most never are. */
  private readonly texts = new Map<string, string>();

  constructor(files: ProjectFiles) {
    for (const path of files.list()) {
      if (!path.startsWith('src/') || !/\.(c|m)?tsx?$/.test(path) || path.endsWith('.d.ts')) continue;
      const text = files.read(path);
      if (text !== undefined) this.texts.set(path, text);
    }
  }

  file(path: string): SourceFile | undefined {
    const text = this.texts.get(path);
    if (text === undefined) return undefined;
    return this.project.getSourceFile(`/${path}`) ?? this.project.createSourceFile(`/${path}`, text);
  }

  /** Files whose text contains `needle` (all of them without one): a cheap filter before parsing. */
  files(needle?: string | RegExp): SourceFile[] {
    return [...this.texts]
      .filter(([, text]) => needle === undefined || (typeof needle === 'string' ? text.includes(needle) : needle.test(text)))
      .map(([path]) => this.file(path))
      .filter((source): source is SourceFile => source !== undefined);
  }

  /** `src/plugins/index.ts` for a file of this project. */
  static pathOf(node: Node): string {
    return node.getSourceFile().getFilePath().replace(/^\//, '');
  }

  static where(node: Node): string {
    return `${SourceIndex.pathOf(node)}:${node.getStartLineNumber()}`;
  }

  /** The project file a relative import points to (NodeNext spells `./x.ts` as `./x.js`). */
  resolveImport(fromPath: string, specifier: string): string | undefined {
    if (!specifier.startsWith('.')) return undefined;
    const base = posix.join(posix.dirname(fromPath), specifier);
    const candidates = [base.replace(/\.(c|m)?js$/, '.$1ts'), base, `${base}.ts`, `${base}/index.ts`];
    return candidates.find((candidate) => this.texts.has(candidate));
  }

  /**
   * `path` and the project files it imports, up to `depth` hops. Read from the import lines' text, not
   * parsed, so walking the graph costs no parsing.
   */
  reachableFrom(path: string, depth: number): Set<string> {
    const seen = new Set<string>([path]);
    let frontier = [path];
    for (let hop = 0; hop < depth; hop += 1) {
      const next: string[] = [];
      for (const from of frontier) {
        for (const [, specifier = ''] of (this.texts.get(from) ?? '').matchAll(/\bfrom\s+['"](\.[^'"]+)['"]/g)) {
          const target = this.resolveImport(from, specifier);
          if (target !== undefined && !seen.has(target)) {
            seen.add(target);
            next.push(target);
          }
        }
      }
      frontier = next;
    }
    return seen;
  }

  /** Where a name used in `fromPath` is declared: a top-level variable of that file or of the file it is imported from. */
  variable(fromPath: string, name: string): VariableDeclaration | undefined {
    const source = this.file(fromPath);
    if (source === undefined) return undefined;
    const local = source.getVariableDeclaration(name);
    if (local !== undefined) return local;
    for (const declaration of source.getImportDeclarations()) {
      const named = declaration.getNamedImports().find((n) => (n.getAliasNode()?.getText() ?? n.getName()) === name);
      if (named === undefined) continue;
      const target = this.resolveImport(fromPath, declaration.getModuleSpecifierValue());
      return target === undefined ? undefined : this.file(target)?.getVariableDeclaration(named.getName());
    }
    return undefined;
  }

  /** The identifiers listed in an exported array literal, e.g. the `plugins` extension point. */
  arrayElements(path: string, arrayName: string): { name: string; line: number }[] | undefined {
    const initializer = unwrap(this.file(path)?.getVariableDeclaration(arrayName)?.getInitializer());
    if (initializer === undefined || !Node.isArrayLiteralExpression(initializer)) return undefined;
    return initializer.getElements().map((element) => ({ name: element.getText(), line: element.getStartLineNumber() }));
  }

  /** Whether `path` imports `name` from `fromFile` (or declares it itself). */
  importsFrom(path: string, name: string, fromFile: string): boolean {
    if (path === fromFile) return true;
    const source = this.file(path);
    return (source?.getImportDeclarations() ?? []).some(
      (declaration) =>
        this.resolveImport(path, declaration.getModuleSpecifierValue()) === fromFile &&
        declaration.getNamedImports().some((n) => (n.getAliasNode()?.getText() ?? n.getName()) === name),
    );
  }
}

/** Looks through `satisfies`, `as` and parentheses to the expression underneath. */
export function unwrap(expression: Expression | undefined): Expression | undefined {
  let current = expression;
  while (current && (Node.isSatisfiesExpression(current) || Node.isAsExpression(current) || Node.isParenthesizedExpression(current))) {
    current = current.getExpression();
  }
  return current;
}

/**
 * The object literal of a zod object schema, through any chain after it:
 * `z.strictObject({ … }).refine(…)` → `{ … }`.
 */
export function zodObjectShape(expression: Expression | undefined): ObjectLiteralExpression | undefined {
  let current = unwrap(expression);
  while (current && Node.isCallExpression(current)) {
    const callee = current.getExpression();
    const first = current.getArguments()[0];
    if (Node.isPropertyAccessExpression(callee) && /^(object|strictObject|looseObject)$/.test(callee.getName()) && first && Node.isObjectLiteralExpression(first)) {
      return first;
    }
    current = Node.isPropertyAccessExpression(callee) ? callee.getExpression() : undefined;
  }
  return undefined;
}

/** `{ a: 1, 'b': 2 }` → the initializer of each property assignment, by name. */
export function properties(object: ObjectLiteralExpression): Map<string, Expression> {
  const map = new Map<string, Expression>();
  for (const property of object.getProperties()) {
    if (!Node.isPropertyAssignment(property)) continue;
    const initializer = property.getInitializer();
    if (initializer) map.set(property.getName().replace(/^['"]|['"]$/g, ''), initializer);
  }
  return map;
}

/** The string values of an array literal such as `['createdAt', 'name'] as const`. */
export function stringArray(node: Node | undefined): string[] | undefined {
  const array = node !== undefined && Node.isExpression(node) ? unwrap(node) : undefined;
  if (!array || !Node.isArrayLiteralExpression(array)) return undefined;
  const values = array.getElements().map((element) => (Node.isStringLiteral(element) ? element.getLiteralValue() : undefined));
  return values.every((value): value is string => value !== undefined) ? values : undefined;
}
