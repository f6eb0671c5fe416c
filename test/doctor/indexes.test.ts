import { describe, expect, it } from 'vitest';
import { leadingIndex, parseMigrations } from '../../src/doctor/sql-schema.js';
import { check, edit, freshTree } from './helpers.js';

describe('indexes-foreign-keys', () => {
  it('fails naming the column and the line of its REFERENCES when the index is dropped from the migration', async () => {
    const tree = freshTree('standard');
    edit(tree, 'migrations/0002_auth/up.sql', /^CREATE INDEX password_reset_tokens_user_id_idx.*\n/m, '');
    const result = await check(tree, 'indexes-foreign-keys');
    expect(result.status).toBe('fail');
    expect(result.detail).toBe('no index leads with password_reset_tokens(user_id) → users (migrations/0002_auth/up.sql:12)');
    expect(result.fix).toContain('CREATE INDEX password_reset_tokens_user_id_idx ON password_reset_tokens (user_id);');
  });

  it('fails when a later migration drops the index', async () => {
    const tree = freshTree('full');
    tree.write('migrations/0006_tidy/up.sql', 'DROP INDEX IF EXISTS files_owner_created_at_id_idx;\n');
    tree.write('migrations/0006_tidy/down.sql', 'CREATE INDEX files_owner_created_at_id_idx ON files (owner_id, created_at, id);\n');
    const result = await check(tree, 'indexes-foreign-keys');
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/^no index leads with files\(owner_id\) → users \(migrations\/0005_files\/up\.sql:\d+\)$/);
  });

  it('fails on a foreign key added by ALTER TABLE, and passes once it is indexed', async () => {
    const tree = freshTree('minimal');
    const up = ['-- teams', 'CREATE TABLE teams (id uuid PRIMARY KEY);', 'ALTER TABLE users ADD COLUMN team_id uuid REFERENCES teams (id);', ''].join('\n');
    tree.write('migrations/0002_teams/up.sql', up);
    tree.write('migrations/0002_teams/down.sql', 'ALTER TABLE users DROP COLUMN team_id;\nDROP TABLE teams;\n');
    const result = await check(tree, 'indexes-foreign-keys');
    expect(result.detail).toBe('no index leads with users(team_id) → teams (migrations/0002_teams/up.sql:3)');
    tree.write('migrations/0002_teams/up.sql', `${up}CREATE INDEX users_team_id_idx ON users (team_id);\n`);
    expect((await check(tree, 'indexes-foreign-keys')).status).toBe('pass');
  });

  it('accepts a unique constraint or composite index that leads with the column, not one where it comes second', async () => {
    const schema = parseMigrations([
      {
        path: 'migrations/0001/up.sql',
        text: [
          'CREATE TABLE a (id int PRIMARY KEY);',
          'CREATE TABLE "B" (',
          '  x int REFERENCES a(id), -- REFERENCES in a comment: ignored',
          '  y int,',
          "  note text DEFAULT 'REFERENCES a',",
          '  CONSTRAINT b_y_fk FOREIGN KEY (y) REFERENCES public.a (id),',
          '  CONSTRAINT b_pair UNIQUE (x, y)',
          ');',
          'CREATE INDEX b_y_partial ON "B" (y) WHERE y > 0;',
          'CREATE INDEX b_lower ON "B" (lower(note), y);',
        ].join('\n'),
      },
    ]);
    const table = schema.get('B');
    expect(table?.foreignKeys.map((fk) => [fk.columns, fk.references, fk.where])).toEqual([
      [['x'], 'a', 'migrations/0001/up.sql:3'],
      [['y'], 'a', 'migrations/0001/up.sql:6'],
    ]);
    expect(table && leadingIndex(table, ['x'], { allowPartial: false })?.name).toBe('b_pair');
    expect(table && leadingIndex(table, ['y'], { allowPartial: false })).toBeUndefined();
    expect(table && leadingIndex(table, ['y'], { allowPartial: true })?.name).toBe('b_y_partial');
    expect(table?.keys.find((key) => key.name === 'b_lower')?.columns).toEqual(['(lower(note))', 'y']);
  });

  it('reads MySQL DDL: backquoted names and KEY / UNIQUE KEY / INDEX inside CREATE TABLE', () => {
    const schema = parseMigrations([
      {
        path: 'migrations/0001/up.sql',
        text: [
          'CREATE TABLE `teams` (`id` char(36) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB;',
          'CREATE TABLE `members` (',
          '  `id` char(36) NOT NULL,',
          '  `team_id` char(36) NOT NULL,',
          '  `email` varchar(254) NOT NULL,',
          '  `key` varchar(64) NOT NULL,',
          '  PRIMARY KEY (`id`),',
          '  UNIQUE KEY `members_email_unique` (`email`),',
          '  KEY `members_team_id_idx` (`team_id`, `id`),',
          '  INDEX (`key`(16)),',
          '  CONSTRAINT `members_team_id_fk` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`)',
          ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;',
        ].join('\n'),
      },
    ]);
    const table = schema.get('members');
    expect([...(table?.columns ?? [])]).toEqual(['id', 'team_id', 'email', 'key']);
    expect(table?.keys.map((key) => [key.kind, key.name, key.columns])).toEqual([
      ['primary key', 'members_pkey', ['id']],
      ['unique', 'members_email_unique', ['email']],
      ['index', 'members_team_id_idx', ['team_id', 'id']],
      ['index', 'members_key_idx', ['key']],
    ]);
    expect(table?.foreignKeys.map((fk) => [fk.name, fk.columns, fk.references])).toEqual([['members_team_id_fk', ['team_id'], 'teams']]);
    expect(table && leadingIndex(table, ['team_id'], { allowPartial: false })?.name).toBe('members_team_id_idx');
  });
});

describe('indexes-filters', () => {
  it('warns naming the column of a filter whose index is gone', async () => {
    const tree = freshTree('minimal');
    edit(tree, 'migrations/0001_create_users/up.sql', /^CREATE INDEX users_status_idx.*\n/m, '');
    const result = await check(tree, 'indexes-filters');
    expect(result.status).toBe('warn');
    expect(result.detail).toMatch(/^no index leads with users\.status \(filter status, src\/routes\/schemas\/users\.ts:\d+\)$/);
  });

  it('warns naming the column of a sort key whose index is gone', async () => {
    const tree = freshTree('full');
    edit(tree, 'migrations/0001_create_users/up.sql', /^CREATE INDEX users_name_id_idx.*\n/m, '');
    const result = await check(tree, 'indexes-filters');
    expect(result.status).toBe('warn');
    expect(result.detail).toContain('users.name (sort=name,');
  });

  it('finds a new resource by its list schema, and leaves a computed filter unchecked', async () => {
    const tree = freshTree('minimal');
    tree.write('migrations/0002_products/up.sql', 'CREATE TABLE products (id uuid PRIMARY KEY, title text NOT NULL, published boolean NOT NULL, created_at timestamptz NOT NULL);\nCREATE INDEX products_created_at_id_idx ON products (created_at, id);\n');
    tree.write('migrations/0002_products/down.sql', 'DROP TABLE products;\n');
    tree.write(
      'src/routes/schemas/products.ts',
      [
        "import { z } from 'zod';",
        "const PRODUCT_SORT_KEYS = ['createdAt'] as const;",
        'export const listProductsQuerySchema = z.strictObject({',
        '  limit: z.number(),',
        '  published: z.boolean().optional(),',
        '  priceBand: z.string().optional(),',
        '  sort: z.string().transform((raw) => parseSort(raw, PRODUCT_SORT_KEYS)),',
        '});',
      ].join('\n'),
    );
    const result = await check(tree, 'indexes-filters');
    expect(result.status).toBe('warn');
    expect(result.detail).toBe('no index leads with products.published (filter published, src/routes/schemas/products.ts:3)');
    edit(tree, 'migrations/0002_products/up.sql', /$/, 'CREATE INDEX products_published_idx ON products (published);\n');
    const fixed = await check(tree, 'indexes-filters');
    expect(fixed.status).toBe('pass');
    expect(fixed.detail).toContain('not checked: filter priceBand of listProductsQuerySchema');
  });
});
