import type { ListUsersQuery } from '../routes/schemas/users.js';
import type { RoleChangeListener, UsersService } from '../services/users.service.js';
import type { NewUser, UserChanges } from '../types/user.js';
import { pickFields } from '../utils/list-query.js';

/**
 * Thin HTTP adapter: input already validated by the route schemas, business work delegated to the
 * service, result wrapped in the response envelope. No rules live here.
 */
export function createUsersController(users: UsersService) {
  return {
    async create(body: NewUser) {
      return { success: true as const, data: await users.create(body) };
    },

    async get(id: string) {
      return { success: true as const, data: await users.getById(id) };
    },

    async list(query: ListUsersQuery) {
      const { page, cursor, limit, sort, fields, status, role, search } = query;
      const result = await users.list({ page, cursor, limit, sort, filters: { status, role, search } });
      return {
        success: true as const,
        data: result.items.map((user) => pickFields(user, fields)),
        pagination: result.pagination,
      };
    },

    async update(id: string, body: UserChanges, roles?: RoleChangeListener) {
      return { success: true as const, data: await users.update(id, body, roles) };
    },

    async remove(id: string) {
      await users.delete(id);
    },
  };
}

export type UsersController = ReturnType<typeof createUsersController>;
