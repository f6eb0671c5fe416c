import { Node, type Project, type SourceFile } from 'ts-morph';
import { CliError } from '../core/errors.js';
import { extensionPoints } from '../features/extension-points.js';
import { appendToArray, ensureNamedImport, wiringError } from '../wiring/ops.js';
import { createWiringProject } from '../wiring/project.js';
import type { ResourceContext } from './context.js';
import type { ProjectView } from './plan-resource.js';

/**
 * Wires a resource into the project's current code with ts-morph: its route module into
 * `routeModules`, its repository and service into the dependency graph, its permissions into the
 * authorization rules. Works on the user's version of each file as long as those spots are intact.
 */

export const DEPENDENCIES_FILE = 'src/app/dependencies.ts';
export const ACCESS_FILE = 'src/middleware/access.ts';

// Creating a ts-morph Project costs far more than the edits: one, reused, with files replaced per run.
let sharedProject: Project | undefined;

function ensureTypeImport(sourceFile: SourceFile, symbol: string, specifier: string): void {
  const declarations = sourceFile.getImportDeclarations().filter((d) => d.getModuleSpecifierValue() === specifier);
  if (declarations.some((d) => d.getNamedImports().some((n) => n.getName() === symbol))) return;
  const typeOnly = declarations.find((d) => d.isTypeOnly());
  if (typeOnly) typeOnly.addNamedImport(symbol);
  else sourceFile.insertImportDeclaration(sourceFile.getImportDeclarations().length, { isTypeOnly: true, namedImports: [symbol], moduleSpecifier: specifier });
}

function wireRoutes(sourceFile: SourceFile, context: ResourceContext): void {
  const symbol = `${context.names.camelPlural}Routes`;
  ensureNamedImport(sourceFile, symbol, `./${context.names.plural}.routes.js`);
  appendToArray(sourceFile, extensionPoints.routes.arrayName, symbol);
}

/** `repositories: { users: UsersRepository }` in the Dependencies interface gains `products: ProductsRepository`. */
function addInterfaceMember(sourceFile: SourceFile, group: string, name: string, type: string): void {
  const member = sourceFile.getInterface('Dependencies')?.getProperty(group);
  const literal = member?.getTypeNode();
  if (!literal || !Node.isTypeLiteral(literal)) throw wiringError(DEPENDENCIES_FILE, `the \`${group}: { … }\` member of \`interface Dependencies\``);
  if (literal.getProperty(name)) return;
  const last = literal.getMembers().at(-1);
  // ts-morph indents members added to a nested type literal one level too shallow; follow the siblings instead.
  if (last) sourceFile.insertText(last.getEnd(), `\n${last.getIndentationText()}${name}: ${type};`);
  else literal.addProperty({ name, type });
}

function wireDependencies(sourceFile: SourceFile, context: ResourceContext): void {
  const { names } = context;
  const repositoryClass = `Drizzle${names.pascalPlural}Repository`;
  const serviceClass = `${names.pascalPlural}Service`;
  ensureNamedImport(sourceFile, repositoryClass, `../repositories/${names.plural}.repository.js`);
  ensureNamedImport(sourceFile, serviceClass, `../services/${names.plural}.service.js`);
  ensureTypeImport(sourceFile, `${names.pascalPlural}Repository`, `../types/${names.singular}.js`);
  addInterfaceMember(sourceFile, 'repositories', names.camelPlural, `${names.pascalPlural}Repository`);
  addInterfaceMember(sourceFile, 'services', names.camelPlural, serviceClass);

  const factory = sourceFile.getFunction('createDependencies');
  if (!factory) throw wiringError(DEPENDENCIES_FILE, 'the function `createDependencies`');
  // The service's collaborators, by the names createDependencies gives them.
  for (const local of ['database', 'cache', 'cursors']) {
    if (!factory.getVariableDeclaration(local)) throw wiringError(DEPENDENCIES_FILE, `\`const ${local}\` in \`createDependencies\``);
  }
  const entries = {
    repositories: `new ${repositoryClass}(database.db)`,
    services: `new ${serviceClass}(repositories.${names.camelPlural}, cache, cursors)`,
  };
  for (const [group, initializer] of Object.entries(entries)) {
    const object = factory.getVariableDeclaration(group)?.getInitializer();
    if (!object || !Node.isObjectLiteralExpression(object)) throw wiringError(DEPENDENCIES_FILE, `\`const ${group} = { … }\` in \`createDependencies\``);
    if (!object.getProperty(names.camelPlural)) object.addPropertyAssignment({ name: names.camelPlural, initializer });
  }
}

/** `export type Permission = …` gains the resource's permissions. */
function extendPermission(sourceFile: SourceFile, addition: string): void {
  const alias = sourceFile.getTypeAlias('Permission');
  const type = alias?.getTypeNode();
  if (!alias || !type) throw wiringError(ACCESS_FILE, 'the type `Permission`');
  if (!type.getText().includes(addition)) alias.setType(`${type.getText()} | ${addition}`);
}

/** Auth modes: the rules module is imported and spread into `RULES` next to the users rules. */
function wireRules(sourceFile: SourceFile, context: ResourceContext): void {
  const constant = context.rulesConstant;
  ensureNamedImport(sourceFile, constant, `./${context.names.singular}-rules.js`);
  extendPermission(sourceFile, `keyof typeof ${constant}`);
  const rules = sourceFile.getVariableDeclaration('RULES');
  const initializer = rules?.getInitializer();
  if (!rules || !initializer) throw wiringError(ACCESS_FILE, 'the rules map `const RULES`');
  if (Node.isObjectLiteralExpression(initializer)) {
    const properties = initializer.getProperties();
    if (properties.some((p) => Node.isSpreadAssignment(p) && p.getExpression().getText() === constant)) return;
    // A one-line map (`{ ...USER_RULES, ...PRODUCT_RULES }`) stays on one line; a multi-line one gets a new line.
    if (initializer.getText().includes('\n')) initializer.addSpreadAssignment({ expression: constant });
    else rules.setInitializer(`{ ${[...properties.map((p) => p.getText()), `...${constant}`].join(', ')} }`);
  } else if (!initializer.getText().includes(constant)) {
    rules.setInitializer(`{ ...${initializer.getText()}, ...${constant} }`);
  }
}

/** --auth none: no rules to enforce, but routes still name their permission, so the type lists it. */
function wirePublicPermissions(sourceFile: SourceFile, context: ResourceContext): void {
  const { create, list, read, update, delete: remove } = context.permissions;
  for (const permission of [create, list, read, update, remove]) extendPermission(sourceFile, `'${permission}'`);
}

/** New text of every file the wiring changes: routes index, dependencies, access rules. */
export function wireResource(project: ProjectView, context: ResourceContext): Map<string, string> {
  sharedProject ??= createWiringProject();
  const tsProject = sharedProject;
  const open = (path: string) => {
    const text = project.readText(path);
    if (text === undefined) throw new CliError('WIRING_ERROR', `${path} is missing`, 'Restore it from the generated project, or wire the resource by hand.');
    return tsProject.createSourceFile(path, text, { overwrite: true });
  };
  const edits: [string, (file: SourceFile) => void][] = [
    [extensionPoints.routes.file, (file) => wireRoutes(file, context)],
    [DEPENDENCIES_FILE, (file) => wireDependencies(file, context)],
    [ACCESS_FILE, (file) => (context.hasAuth ? wireRules(file, context) : wirePublicPermissions(file, context))],
  ];
  const changed = new Map<string, string>();
  try {
    for (const [path, edit] of edits) {
      const sourceFile = open(path);
      edit(sourceFile);
      changed.set(path, sourceFile.getFullText());
    }
  } finally {
    for (const file of tsProject.getSourceFiles()) tsProject.removeSourceFile(file);
  }
  return changed;
}
