import { z } from 'zod';
import { intString } from '../../utils/zod.js';
import { count, errorResponseSchema, nextCursor, successSchema, timestamp, uuid } from './common.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './users.js';

/** HTTP schemas of /api/v1/files: they validate requests, shape responses and generate the docs. */

export const fileSchema = z
  .object({
    id: uuid(),
    contentType: z
      .string()
      .max(127)
      .regex(/^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/)
      .describe("Decided from the file's content (magic bytes), not from what the client declared"),
    size: count().describe('Size in bytes'),
    name: z.string().max(255).describe('The uploaded file name, sanitised; downloads are offered under this name'),
    url: z.string().max(2048).meta({ format: 'uri-reference' }).describe('Where to download the file (GET)'),
    ownerId: uuid().nullable().describe('The uploader; null without authentication or once its account was deleted'),
    createdAt: timestamp(),
  })
  .meta({ id: 'File' });

export const fileIdParamsSchema = z.object({ id: uuid().describe('File id (UUID)') });

/** Documents the multipart form, with the configured size limit; the route reads it as a stream itself (see files.routes.ts). */
export const uploadBodySchema = (maxBytes: number) =>
  z.object({
    file: z.file().max(maxBytes).describe('The file. Its type is decided from its content and must be one of UPLOAD_ALLOWED_TYPES'),
  });

export const listFilesQuerySchema = z
  .strictObject({
    page: intString(1, 1_000_000).optional().describe('Page number: switches to offset pagination'),
    limit: intString(1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe(`Page size, at most ${MAX_PAGE_SIZE}`),
    cursor: z.string().min(1).max(2048).optional().describe('Opaque cursor from pagination.nextCursor'),
  })
  .refine((query) => query.page === undefined || query.cursor === undefined, {
    message: 'use either page or cursor, not both',
    path: ['cursor'],
  });

export const fileResponseSchema = successSchema(fileSchema);

export const fileListResponseSchema = z.object({
  success: z.literal(true),
  data: z.array(fileSchema).max(MAX_PAGE_SIZE).describe('Newest first'),
  pagination: z.union([
    z.object({ page: count(), limit: count(), total: count(), totalPages: count() }).describe('Offset pagination (?page=)'),
    z.object({ limit: count(), hasMore: z.boolean(), nextCursor: nextCursor() }).describe('Cursor pagination'),
  ]),
});

/** The download: the file's own bytes (at most the upload limit) and content type, so no JSON schema applies. */
export const fileContentResponse = (maxBytes: number) => ({
  description: 'The file, with its content type, content-length and content-disposition',
  content: { 'application/octet-stream': { schema: z.string().max(maxBytes).meta({ format: 'binary' }) } },
});

export const uploadTooLarge = errorResponseSchema.describe('PAYLOAD_TOO_LARGE: the file is over UPLOAD_MAX_BYTES, or the form has too many parts');
export const uploadUnsupported = errorResponseSchema.describe(
  "UNSUPPORTED_MEDIA_TYPE: not multipart/form-data, or the file's content is not an allowed type, or its name or declared type says otherwise",
);
