import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/core/errors.js';
import type { StackOptions } from '../../src/core/options.js';
import { planResource, type ResourceChanges } from '../../src/resource/plan-resource.js';
import type { MemoryTree } from '../../src/tree/memory-tree.js';
import { generateTree, presetOptions } from '../helpers/fixtures.js';

const FIELDS = 'title:string,price:number,published:boolean?';

const modes: [string, StackOptions][] = [
  ['jwt', presetOptions('standard')],
  ['session', presetOptions('standard', { auth: 'session', cache: 'redis' })],
  ['api-key', presetOptions('standard', { auth: 'api-key' })],
  ['none', presetOptions('minimal')],
];

function apply(tree: MemoryTree, changes: ResourceChanges): void {
  for (const [path, text] of changes.files) tree.write(path, text);
}

function refusal(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return error as CliError;
  }
  throw new Error('expected a CliError');
}

const NEW_FILES = [
  'migrations/0100_create_products/down.sql',
  'migrations/0100_create_products/up.sql',
  'src/controllers/products.controller.ts',
  'src/db/product-schema.ts',
  'src/repositories/products.repository.ts',
  'src/routes/products.routes.ts',
  'src/routes/schemas/products.ts',
  'src/services/products.service.ts',
  'src/types/product.ts',
  'test/helpers/fake-products-repository.ts',
  'test/helpers/products.ts',
  'test/integration/products-crud.test.ts',
  'test/integration/products-list.test.ts',
  'test/unit/products.service.test.ts',
];
const WIRED = ['src/app/dependencies.ts', 'src/middleware/access.ts', 'src/routes/index.ts'];

describe.each(modes)('planResource with --auth %s', (auth, options) => {
  const { tree } = generateTree(options);
  const before = new Map(tree.files().map((path) => [path, tree.readText(path)]));
  const changes = planResource(tree, options, 'product', FIELDS);
  const text = (path: string) => changes.files.get(path) ?? '';

  it('names the resource and its migration, and writes nothing itself', () => {
    expect(changes.name).toMatchObject({ singular: 'product', plural: 'products', table: 'products', pascalPlural: 'Products' });
    expect(changes.migration).toBe('migrations/0100_create_products');
    expect(tree.files()).toEqual([...before.keys()]);
    for (const [path, content] of before) expect(tree.readText(path), path).toBe(content);
  });

  it('creates the layers, tests and migration, and changes only the wiring files', () => {
    const rules = auth === 'none' ? [] : ['src/middleware/product-rules.ts'];
    expect([...changes.files.keys()].sort()).toEqual([...NEW_FILES, ...rules, ...WIRED].sort());
    for (const path of WIRED) expect(before.get(path), path).toBeDefined();
    for (const [path, content] of changes.files) expect(content, `${path} has unrendered Handlebars`).not.toContain('{{');
  });

  it('appends the route module to routeModules', () => {
    const routes = text('src/routes/index.ts');
    expect(routes).toContain("import { productsRoutes } from './products.routes.js';");
    expect(routes).toMatch(/routeModules: RouteModule\[\] = \[\n(  \w+,\n)*  productsRoutes,\n\];/);
  });

  it('adds the repository and the service to the Dependencies interface and to createDependencies', () => {
    const deps = text('src/app/dependencies.ts');
    expect(deps).toContain("import { DrizzleProductsRepository } from '../repositories/products.repository.js';");
    expect(deps).toContain("import { ProductsService } from '../services/products.service.js';");
    expect(deps).toContain("import type { ProductsRepository } from '../types/product.js';");
    expect(deps).toContain('  repositories: {\n    users: UsersRepository;\n    products: ProductsRepository;\n  };');
    expect(deps).toContain('  services: {\n    users: UsersService;\n    products: ProductsService;\n  };');
    expect(deps).toContain('    products: new DrizzleProductsRepository(database.db),\n  };');
    expect(deps).toContain('    products: new ProductsService(repositories.products, cache, cursors),\n  };');
  });

  it('adds the permissions to the authorization rules', () => {
    const access = text('src/middleware/access.ts');
    const routes = text('src/routes/products.routes.ts');
    for (const action of ['create', 'list', 'read', 'update', 'delete']) expect(routes).toContain(`secured('products:${action}'`);
    if (auth === 'none') {
      expect(access).toMatch(/export type Permission = .*'users:delete'.* \| 'products:create' \| 'products:list' \| 'products:read' \| 'products:update' \| 'products:delete';/);
      expect(text('test/integration/products-crud.test.ts')).not.toContain('RBAC');
    } else {
      expect(access).toContain("import { PRODUCT_RULES } from './product-rules.js';");
      expect(access).toMatch(/export type Permission = keyof typeof USER_RULES( \| '[^']+')* \| keyof typeof PRODUCT_RULES;/);
      expect(access).toMatch(/const RULES: Record<Permission, Rule> = \{\s+\.\.\.USER_RULES,[\s\S]*?\.\.\.PRODUCT_RULES,?\s*\};/);
      const rules = text('src/middleware/product-rules.ts');
      expect(rules).toContain("'products:create': { allows: isAdmin,");
      expect(rules).toContain("'products:list': { allows: () => true,");
      expect(text('test/integration/products-crud.test.ts')).toContain("describe('RBAC on /api/v1/products'");
    }
  });

  it('refuses to generate the same resource again, in either spelling (exit 2)', () => {
    const again = generateTree(options).tree;
    apply(again, changes);
    for (const name of ['product', 'products', 'Product']) {
      const error = refusal(() => planResource(again, options, name, 'sku:string'));
      expect(error.code).toBe('INVALID_RESOURCE');
      expect(error.exitCode).toBe(2);
      expect(error.message).toMatch(/already exists/);
      expect(error.details).toContain('src/routes/products.routes.ts');
    }
  });
});

describe('planResource', () => {
  const options = presetOptions('standard');

  it('refuses a resource the project already has: users (exit 2)', () => {
    const { tree } = generateTree(options);
    for (const name of ['user', 'users']) {
      const error = refusal(() => planResource(tree, options, name, 'title:string'));
      expect([error.code, error.exitCode]).toEqual(['INVALID_RESOURCE', 2]);
      expect(error.details).toEqual(expect.arrayContaining(['src/routes/users.routes.ts', 'src/types/user.ts']));
    }
  });

  it('refuses the resources of features (files, webhook subscriptions) and tables that already exist', () => {
    const full = presetOptions('full');
    const { tree } = generateTree(full);
    expect(refusal(() => planResource(tree, full, 'file', 'title:string')).details).toContain('src/routes/files.routes.ts');
    expect(refusal(() => planResource(tree, full, 'webhook-subscription', 'title:string')).details).toEqual([
      'migrations/0004_webhooks/up.sql (creates the table webhook_subscriptions)',
    ]);
  });

  it('numbers resource migrations from 0100, after feature migrations and earlier resources', () => {
    const { tree } = generateTree(presetOptions('full'));
    expect(tree.files().some((path) => path.startsWith('migrations/0005_'))).toBe(true);
    const first = planResource(tree, presetOptions('full'), 'product', 'title:string');
    expect(first.migration).toBe('migrations/0100_create_products');
    apply(tree, first);
    expect(planResource(tree, presetOptions('full'), 'order', 'total:number').migration).toBe('migrations/0101_create_orders');
    tree.write('migrations/0150_create_things/up.sql', 'CREATE TABLE things (id uuid);');
    expect(planResource(tree, presetOptions('full'), 'invoice', 'total:number').migration).toBe('migrations/0151_create_invoices');
  });

  it('wires a second resource beside the first', () => {
    const { tree } = generateTree(options);
    apply(tree, planResource(tree, options, 'product', FIELDS));
    const second = planResource(tree, options, 'order-item', 'quantity:integer,productId:uuid');
    const access = second.files.get('src/middleware/access.ts') ?? '';
    expect(access).toContain('export type Permission = keyof typeof USER_RULES | keyof typeof PRODUCT_RULES | keyof typeof ORDER_ITEM_RULES;');
    expect(access).toContain('const RULES: Record<Permission, Rule> = { ...USER_RULES, ...PRODUCT_RULES, ...ORDER_ITEM_RULES };');
    expect(second.files.get('src/routes/index.ts')).toMatch(/  productsRoutes,\n  orderItemsRoutes,\n\];/);
    expect(second.files.get('src/app/dependencies.ts')).toContain(
      '    products: new ProductsService(repositories.products, cache, cursors),\n    orderItems: new OrderItemsService(repositories.orderItems, cache, cursors),\n',
    );
    expect(second.files.get('src/routes/order-items.routes.ts')).toContain("'/order-items/:id'");
  });

  it('checks the fields and the name before looking at the project', () => {
    const { tree } = generateTree(options);
    expect(refusal(() => planResource(tree, options, 'product', 'id:uuid')).message).toMatch(/reserved/);
    expect(refusal(() => planResource(tree, options, 'product', '')).message).toMatch(/No fields/);
    expect(refusal(() => planResource(tree, options, '9lives', 'title:string')).message).toMatch(/Invalid resource name/);
  });

  it('refuses names whose index names PostgreSQL would truncate', () => {
    const { tree } = generateTree(options);
    const long = 'x'.repeat(35);
    const error = refusal(() => planResource(tree, options, long, `${'y'.repeat(30)}Zzzzzzzz:string`));
    expect([error.code, error.exitCode]).toEqual(['INVALID_RESOURCE', 2]);
    expect(error.message).toMatch(/longer than PostgreSQL's 63/);
  });

  it('names the extension point a user removed (wiring error)', () => {
    const { tree } = generateTree(options);
    tree.write('src/routes/index.ts', "export const routes = [];\n");
    const error = refusal(() => planResource(tree, options, 'product', FIELDS));
    expect(error.code).toBe('WIRING_ERROR');
    expect(error.message).toContain('routeModules');
  });

  it('indexes every sortable and filterable column, in the migration and the Drizzle schema alike', () => {
    const { tree } = generateTree(options);
    const changes = planResource(tree, options, 'event-ticket', 'code:string,notes:text?,seats:integer,vip:boolean,validOn:date,startsAt:datetime,venueId:uuid?,price:number?');
    const up = changes.files.get(`${changes.migration}/up.sql`) ?? '';
    const schema = changes.files.get('src/db/event-ticket-schema.ts') ?? '';
    const expected = [
      ['event_tickets_created_at_id_idx', 'created_at, id'],
      ['event_tickets_updated_at_id_idx', 'updated_at, id'],
      ['event_tickets_code_id_idx', 'code, id'],
      ['event_tickets_seats_id_idx', 'seats, id'],
      ['event_tickets_vip_idx', 'vip'],
      ['event_tickets_valid_on_id_idx', 'valid_on, id'],
      ['event_tickets_starts_at_id_idx', 'starts_at, id'],
      ['event_tickets_venue_id_idx', 'venue_id'],
    ];
    expect([...up.matchAll(/CREATE INDEX (\w+) ON event_tickets \(([^)]+)\);/g)].map((m) => [m[1], m[2]])).toEqual(expected);
    expect([...schema.matchAll(/index\('(\w+)'\)/g)].map((m) => m[1])).toEqual(expected.map(([name]) => name));
    expect(up).toContain('  notes      text,\n');
    expect(changes.files.get(`${changes.migration}/down.sql`)).toBe('DROP TABLE IF EXISTS event_tickets;\n');
    expect(changes.files.get('src/types/event-ticket.ts')).toContain("EVENT_TICKET_SORT_KEYS = ['createdAt', 'updatedAt', 'code', 'seats', 'validOn', 'startsAt'] as const;");
  });

  it('is deterministic and takes well under a second', () => {
    const { tree } = generateTree(options);
    const first = planResource(tree, options, 'product', FIELDS);
    const started = performance.now();
    const second = planResource(tree, options, 'product', FIELDS);
    const elapsed = performance.now() - started;
    expect([...second.files]).toEqual([...first.files]);
    expect(elapsed).toBeLessThan(500);
  });
});
