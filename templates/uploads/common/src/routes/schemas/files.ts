import { z } from 'zod';
import { intString } from '../../utils/zod.js';
import { errorResponseSchema, successSchema } from './common.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './users.js';

/** HTTP schemas of /api/v1/files: they validate requests, shape responses and generate the docs. */

export const fileSchema = z
  .object({
    id: z.uuid(),
    contentType: z.string().describe("Decided from the file's content (magic bytes), not from what the client declared"),
    size: z.int().nonnegative().describe('Size in bytes'),
    name: z.string().describe('The uploaded file name, sanitised; downloads are offered under this name'),
    url: z.string().describe('Where to download the file (GET)'),
    ownerId: z.uuid().nullable().describe('The uploader; null without authentication or once its account was deleted'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'File' });

export const fileIdParamsSchema = z.object({ id: z.uuid().describe('File id (UUID)') });

/** Documents the multipart form; the route reads it as a stream itself (see files.routes.ts). */
export const uploadBodySchema = z.object({
  file: z.file().describe('The file. Its type is decided from its content and must be one of UPLOAD_ALLOWED_TYPES'),
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

const count = z.int().nonnegative();

export const fileListResponseSchema = z.object({
  success: z.literal(true),
  data: z.array(fileSchema).describe('Newest first'),
  pagination: z.union([
    z.object({ page: count, limit: count, total: count, totalPages: count }).describe('Offset pagination (?page=)'),
    z.object({ limit: count, hasMore: z.boolean(), nextCursor: z.string().nullable() }).describe('Cursor pagination'),
  ]),
});

/** The download: the file's own bytes and content type, so no JSON schema applies. */
export const fileContentResponse = {
  description: 'The file, with its content type, content-length and content-disposition',
  content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
};

export const uploadTooLarge = errorResponseSchema.describe('PAYLOAD_TOO_LARGE: the file is over UPLOAD_MAX_BYTES, or the form has too many parts');
export const uploadUnsupported = errorResponseSchema.describe(
  "UNSUPPORTED_MEDIA_TYPE: not multipart/form-data, or the file's content is not an allowed type, or its name or declared type says otherwise",
);
