import { beforeEach, describe, expect, it } from 'vitest';
import type { DomainEventType, EventPublisher } from '../../src/lib/events.js';
import { UsersService, userCacheKey } from '../../src/services/users.service.js';
import { createCursorCodec } from '../../src/utils/cursor.js';
import { ConflictError, NotFoundError, ValidationError } from '../../src/utils/errors.js';
import { FakeCache } from '../helpers/fake-cache.js';
import { FakeUsersRepository } from '../helpers/fake-users-repository.js';

let repo: FakeUsersRepository;
let cache: FakeCache;
let service: UsersService;
let published: { type: DomainEventType; id: string }[];
const recordingPublisher: EventPublisher = {
  async publish(type, data) {
    published.push({ type, id: data.user.id });
  },
};
const byNewest = [{ key: 'createdAt' as const, direction: 'desc' as const }];

beforeEach(() => {
  repo = new FakeUsersRepository();
  cache = new FakeCache();
  published = [];
  service = new UsersService(repo, cache, createCursorCodec('c'.repeat(32)), recordingPublisher);
});

describe('UsersService', () => {
  it('normalizes the email on create and update', async () => {
    const user = await service.create({ email: '  Mixed@Case.COM ', name: 'M' });
    expect(user.email).toBe('mixed@case.com');
    const updated = await service.update(user.id, { email: ' NEW@Case.com' });
    expect(updated.email).toBe('new@case.com');
  });

  it('lets repository conflicts through', async () => {
    await service.create({ email: 'a@b.co', name: 'A' });
    await expect(service.create({ email: 'A@B.CO', name: 'A2' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('reads through the cache: the repository is asked once', async () => {
    const user = await service.create({ email: 'c@d.co', name: 'C' });
    repo.calls.length = 0;
    expect(await service.getById(user.id)).toEqual(user);
    expect(await service.getById(user.id)).toEqual(user);
    expect(repo.calls).toEqual(['findById']);
    expect(cache.stats().hits).toBe(1);
  });

  it('does not cache a missing user', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await expect(service.getById(id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await cache.get(userCacheKey(id))).toBeUndefined();
  });

  it('invalidates on update and delete', async () => {
    const user = await service.create({ email: 'e@f.co', name: 'Old' });
    await service.getById(user.id);
    await service.update(user.id, { name: 'New' });
    expect((await service.getById(user.id)).name).toBe('New');
    await service.delete(user.id);
    await expect(service.getById(user.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('publishes user.created, user.updated and user.deleted after each successful write, and nothing for a failed one', async () => {
    const user = await service.create({ email: 'ev@x.co', name: 'Ev' });
    await service.update(user.id, { name: 'Eve' });
    await expect(service.update('00000000-0000-4000-8000-000000000000', { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.create({ email: 'EV@x.co', name: 'Dup' })).rejects.toBeInstanceOf(ConflictError);
    await service.delete(user.id);
    expect(published).toEqual([
      { type: 'user.created', id: user.id },
      { type: 'user.updated', id: user.id },
      { type: 'user.deleted', id: user.id },
    ]);
  });

  it('reports a missing user on update and delete, and an empty update as invalid', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await expect(service.update(id, { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.delete(id)).rejects.toBeInstanceOf(NotFoundError);
    const user = await service.create({ email: 'g@h.co', name: 'G' });
    await expect(service.update(user.id, { name: undefined })).rejects.toBeInstanceOf(ValidationError);
  });

  describe('list', () => {
    beforeEach(async () => {
      for (const name of ['a', 'b', 'c', 'd', 'e']) await service.create({ email: `${name}@x.co`, name });
    });

    it('pages by cursor until nextCursor is null', async () => {
      const names: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await service.list({ filters: {}, sort: byNewest, limit: 2, cursor });
        names.push(...page.items.map((u) => u.name));
        if (!('nextCursor' in page.pagination) || page.pagination.nextCursor === null) break;
        expect(page.pagination.hasMore).toBe(true);
        cursor = page.pagination.nextCursor;
      }
      expect(names).toEqual(['e', 'd', 'c', 'b', 'a']);
    });

    it('rejects a forged cursor and one from another query', async () => {
      const first = await service.list({ filters: {}, sort: byNewest, limit: 2 });
      const cursor = 'nextCursor' in first.pagination ? String(first.pagination.nextCursor) : '';
      await expect(service.list({ filters: {}, sort: byNewest, limit: 2, cursor: `${cursor}x` })).rejects.toBeInstanceOf(
        ValidationError,
      );
      await expect(
        service.list({ filters: { role: 'admin' }, sort: byNewest, limit: 2, cursor }),
      ).rejects.toMatchObject({ details: [{ field: 'cursor' }] });
      await expect(
        service.list({ filters: {}, sort: [{ key: 'name', direction: 'asc' }], limit: 2, cursor }),
      ).rejects.toBeInstanceOf(ValidationError);
    });

    it('pages by offset with totals', async () => {
      const page = await service.list({ filters: {}, sort: byNewest, limit: 2, page: 3 });
      expect(page.items.map((u) => u.name)).toEqual(['a']);
      expect(page.pagination).toEqual({ page: 3, limit: 2, total: 5, totalPages: 3 });
      expect(repo.calls.at(-1)).toBe('listPage');
    });
  });
});
