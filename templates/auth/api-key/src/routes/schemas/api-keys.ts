import { z } from 'zod';
import { intString } from '../../utils/zod.js';
import { successSchema } from './common.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './users.js';

/** HTTP schemas of /api/v1/api-keys: they validate requests, shape responses and generate the docs. */

const keyFields = {
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the key, to tell keys apart (e.g. sbk_AbCd1234)'),
  userId: z.uuid().describe('The owner: the key acts as this user, with its current role'),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable().describe('null: valid until revoked'),
};

export const apiKeySchema = z
  .object({
    ...keyFields,
    lastUsedAt: z.iso.datetime().nullable().describe('Updated at most once a minute'),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey', description: 'An API key as listed: never the key itself' });

export const createdApiKeySchema = z
  .object({
    ...keyFields,
    key: z.string().describe('The API key. Shown only in this response: store it now, it cannot be retrieved later'),
  })
  .meta({ id: 'CreatedApiKey' });

export const createApiKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('What the key is for, e.g. "billing service"'),
  userId: z.uuid().optional().describe('Owner of the key; defaults to the calling admin'),
  expiresAt: z.iso.datetime({ offset: true }).optional().describe('When the key stops working (future); omit for no expiry'),
});

export const apiKeyIdParamsSchema = z.object({ id: z.uuid().describe('API key id (UUID)') });

export const listApiKeysQuerySchema = z.strictObject({
  limit: intString(1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe(`Page size, at most ${MAX_PAGE_SIZE}`),
  cursor: z.string().min(1).max(2048).optional().describe('Opaque cursor from pagination.nextCursor'),
  userId: z.uuid().optional().describe("Only this user's keys"),
});

export type ListApiKeysQuery = z.output<typeof listApiKeysQuerySchema>;

const count = z.int().nonnegative();

export const createdApiKeyResponseSchema = successSchema(createdApiKeySchema);

export const apiKeyListResponseSchema = z.object({
  success: z.literal(true),
  data: z.array(apiKeySchema).describe('Newest first, revoked and expired keys included'),
  pagination: z.object({ limit: count, hasMore: z.boolean(), nextCursor: z.string().nullable() }).describe('Cursor pagination'),
});
