import { describe, expect, it } from 'vitest';
import { userCacheKey } from '../../src/services/users.service.js';
import { useTestApp } from '../helpers/app.js';
import { createUser } from '../helpers/users.js';

const ctx = useTestApp();

describe('read-through cache', () => {
  it('serves GET /:id from the cache and invalidates it on update and delete', async () => {
    const user = await createUser(ctx.admin, { email: 'cached@example.com', name: 'Before' });
    const key = userCacheKey(user.id);

    await ctx.admin.inject({ url: `/api/v1/users/${user.id}` });
    expect(await ctx.deps.cache.get(key)).toMatchObject({ name: 'Before' });
    const hitsBefore = ctx.deps.cache.stats().hits;
    await ctx.admin.inject({ url: `/api/v1/users/${user.id}` });
    expect(ctx.deps.cache.stats().hits).toBeGreaterThan(hitsBefore);

    await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { name: 'After' } });
    const afterUpdate = await ctx.admin.inject({ url: `/api/v1/users/${user.id}` });
    expect(afterUpdate.json().data.name).toBe('After');

    await ctx.admin.inject({ method: 'DELETE', url: `/api/v1/users/${user.id}` });
    expect(await ctx.deps.cache.get(key)).toBeUndefined();
    const afterDelete = await ctx.admin.inject({ url: `/api/v1/users/${user.id}` });
    expect(afterDelete.statusCode).toBe(404);
  });

  it('the cached copy is really what is served (proved by changing the row behind its back)', async () => {
    const user = await createUser(ctx.admin, { email: 'behind@example.com', name: 'Original' });
    await ctx.admin.inject({ url: `/api/v1/users/${user.id}` });
    // A write that bypasses the service (and so the invalidation): the cache must still answer.
    await ctx.deps.repositories.users.update(user.id, { name: 'Sneaky' });
    const cached = await ctx.admin.inject({ url: `/api/v1/users/${user.id}` });
    expect(cached.json().data.name).toBe('Original');
  });
});
