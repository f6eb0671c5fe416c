import { z } from 'zod';
import { intString } from '../../utils/zod.js';
import { count, nextCursor, successSchema, timestamp, timestampInput, uuid } from './common.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './users.js';

/** HTTP schemas of /api/v1/api-keys: they validate requests, shape responses and generate the docs. */

const keyFields = {
  id: uuid(),
  name: z.string().max(100),
  prefix: z.string().max(12).describe('The first characters of the key, to tell keys apart (e.g. sbk_AbCd1234)'),
  userId: uuid().describe('The owner: the key acts as this user, with its current role'),
  createdAt: timestamp(),
  expiresAt: timestamp().nullable().describe('null: valid until revoked'),
};

export const apiKeySchema = z
  .object({
    ...keyFields,
    lastUsedAt: timestamp().nullable().describe('Updated at most once a minute'),
    revokedAt: timestamp().nullable(),
  })
  .meta({ id: 'ApiKey', description: 'An API key as listed: never the key itself' });

export const createdApiKeySchema = z
  .object({
    ...keyFields,
    key: z.string().max(128).describe('The API key. Shown only in this response: store it now, it cannot be retrieved later'),
  })
  .meta({ id: 'CreatedApiKey' });

export const createApiKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('What the key is for, e.g. "billing service"'),
  userId: uuid().optional().describe('Owner of the key; defaults to the calling admin'),
  expiresAt: timestampInput().optional().describe('When the key stops working (future); omit for no expiry'),
});

export const apiKeyIdParamsSchema = z.object({ id: uuid().describe('API key id (UUID)') });

export const listApiKeysQuerySchema = z.strictObject({
  limit: intString(1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe(`Page size, at most ${MAX_PAGE_SIZE}`),
  cursor: z.string().min(1).max(2048).optional().describe('Opaque cursor from pagination.nextCursor'),
  userId: uuid().optional().describe("Only this user's keys"),
});

export type ListApiKeysQuery = z.output<typeof listApiKeysQuerySchema>;

export const createdApiKeyResponseSchema = successSchema(createdApiKeySchema);

export const apiKeyListResponseSchema = z.object({
  success: z.literal(true),
  data: z.array(apiKeySchema).max(MAX_PAGE_SIZE).describe('Newest first, revoked and expired keys included'),
  pagination: z.object({ limit: count(), hasMore: z.boolean(), nextCursor: nextCursor() }).describe('Cursor pagination'),
});
