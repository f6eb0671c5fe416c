import { z } from 'zod';
import { USER_FIELDS, USER_ROLES, USER_SORT_KEYS, USER_STATUSES } from '../../types/user.js';
import { parseFields, parseSort } from '../../utils/list-query.js';
import { intString } from '../../utils/zod.js';
import { count, nextCursor, successSchema, timestamp, uuid } from './common.js';

/** HTTP schemas of /api/v1/users: they validate requests, shape responses and generate the docs. */

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const email = z
  .string()
  .max(254)
  .trim()
  .toLowerCase()
  .pipe(z.email().max(254))
  .meta({ format: 'email' })
  .describe('Trimmed and lower-cased before it is stored');
const name = z.string().trim().min(1).max(100);

export const userSchema = z
  .object({
    id: uuid(),
    email: z.string().max(254).meta({ format: 'email' }),
    name: z.string().max(100),
    role: z.enum(USER_ROLES),
    status: z.enum(USER_STATUSES),
    createdAt: timestamp(),
    updatedAt: timestamp(),
  })
  .meta({ id: 'User' });

export const userIdParamsSchema = z.object({ id: uuid().describe('User id (UUID)') });

export const createUserBodySchema = z.strictObject({
  email,
  name,
  role: z.enum(USER_ROLES).optional().describe('Defaults to "user"'),
});

export const updateUserBodySchema = z
  .strictObject({
    email: email.optional(),
    name: name.optional(),
    role: z.enum(USER_ROLES).optional(),
    status: z.enum(USER_STATUSES).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'provide at least one field to update',
  });

export const listUsersQuerySchema = z
  .strictObject({
    page: intString(1, 1_000_000).optional().describe('Page number: switches to offset pagination'),
    limit: intString(1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe(`Page size, at most ${MAX_PAGE_SIZE}`),
    cursor: z.string().min(1).max(2048).optional().describe('Opaque cursor from pagination.nextCursor'),
    status: z.enum(USER_STATUSES).optional(),
    role: z.enum(USER_ROLES).optional(),
    search: z.string().trim().min(1).max(100).optional().describe('Case-insensitive match on name or email'),
    sort: z
      .string()
      .max(256)
      .default('-createdAt')
      .transform((raw, ctx) => {
        const parsed = parseSort(raw, USER_SORT_KEYS);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
        return parsed.ok ? parsed.value : [];
      })
      .describe(`Comma-separated keys, "-" for descending; allowed: ${USER_SORT_KEYS.join(', ')}`),
    fields: z
      .string()
      .max(256)
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return undefined;
        const parsed = parseFields(raw, USER_FIELDS);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
        return parsed.ok ? parsed.value : [];
      })
      .describe(`Comma-separated subset of: ${USER_FIELDS.join(', ')}`),
  })
  .refine((query) => query.page === undefined || query.cursor === undefined, {
    message: 'use either page or cursor, not both',
    path: ['cursor'],
  });

export type ListUsersQuery = z.output<typeof listUsersQuerySchema>;

export const userResponseSchema = successSchema(userSchema);

export const userListResponseSchema = z.object({
  success: z.literal(true),
  data: z.array(userSchema.partial()).max(MAX_PAGE_SIZE).describe('Users; only the requested fields when ?fields= is given'),
  pagination: z.union([
    z.object({ page: count(), limit: count(), total: count(), totalPages: count() }).describe('Offset pagination (?page=)'),
    z.object({ limit: count(), hasMore: z.boolean(), nextCursor: nextCursor() }).describe('Cursor pagination'),
  ]),
});
