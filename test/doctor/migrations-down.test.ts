import { describe, expect, it } from 'vitest';
import { check, freshTree } from './helpers.js';

describe('migrations-down', () => {
  it('fails naming a missing down.sql', async () => {
    const tree = freshTree('full');
    tree.delete('migrations/0004_webhooks/down.sql');
    const result = await check(tree, 'migrations-down');
    expect(result).toMatchObject({ status: 'fail', detail: 'migrations/0004_webhooks/down.sql is missing' });
  });

  it('fails naming a down.sql that holds only comments', async () => {
    const tree = freshTree('minimal');
    tree.write('migrations/0001_create_users/down.sql', '-- TODO: undo\n/* later */\n\n');
    expect((await check(tree, 'migrations-down')).detail).toBe('migrations/0001_create_users/down.sql is empty');
  });

  it('counts the migrations of a fresh project', async () => {
    expect((await check(freshTree('standard'), 'migrations-down')).detail).toBe('5 migrations, each with a non-empty down.sql');
  });
});
