import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { secured } from '../middleware/access.js';
import { FILE_CACHE_CONTROL, fileAccess } from '../middleware/file-access.js';
import { contentDisposition } from '../lib/uploads/content-disposition.js';
import { INLINE_TYPES } from '../lib/uploads/file-types.js';
import { multipartOptions, readFilePart } from '../lib/uploads/multipart.js';
import type { RouteModule } from '../types/app.js';
import type { StoredFile } from '../types/file.js';
import { errorResponses } from './schemas/common.js';
import {
  fileContentResponse,
  fileIdParamsSchema,
  fileListResponseSchema,
  fileResponseSchema,
  listFilesQuerySchema,
  uploadBodySchema,
  uploadTooLarge,
  uploadUnsupported,
} from './schemas/files.js';

const tags = ['files'];

/**
 * The download: the stored bytes, streamed, with headers that make browsers treat them as data.
 * Takes the untyped reply: the route's response schema describes JSON bodies, this one is a stream.
 */
function sendFile(reply: FastifyReply, file: StoredFile, body: Readable): FastifyReply {
  const disposition = INLINE_TYPES.has(file.contentType) ? 'inline' : 'attachment';
  return reply
    .header('content-type', file.contentType)
    .header('content-length', file.size)
    .header('content-disposition', contentDisposition(disposition, file.originalName))
    .header('x-content-type-options', 'nosniff')
    // Even opened directly in a browser, nothing in the file may run or reach this origin.
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'; sandbox")
    .header('cache-control', FILE_CACHE_CONTROL)
    .send(body);
}

/**
 * /api/v1/files: upload (multipart, streamed), list, download, delete. Who sees which files is decided
 * in src/middleware/file-access.ts; limits, types and storage are described in docs/uploads.md.
 */
export const filesRoutes: RouteModule = {
  name: 'files',
  async routes(app, deps) {
    const { service, policy } = deps.uploads;
    // Only this scope parses multipart/form-data; every other route still answers it with 415.
    await app.register(multipart, multipartOptions());
    const filesUrl = `${app.prefix}/files`;
    const view = (file: StoredFile) => ({
      id: file.id,
      contentType: file.contentType,
      size: file.size,
      name: file.originalName,
      url: `${filesUrl}/${file.id}`,
      ownerId: file.ownerId,
      createdAt: file.createdAt,
    });

    app.post(
      '/files',
      secured('authenticated', {
        schema: {
          tags,
          summary: 'Upload a file',
          description:
            `multipart/form-data with the file in the field \`file\`, at most ${policy.maxBytes} bytes, of a type ` +
            `decided from its content: ${[...policy.allowedTypes].join(', ')}.`,
          consumes: ['multipart/form-data'],
          body: uploadBodySchema(policy.maxBytes),
          response: { 201: fileResponseSchema, ...errorResponses(400, 500, 503), 413: uploadTooLarge, 415: uploadUnsupported },
        },
        // The body is a stream the handler reads (readFilePart); the schema above only documents it.
        validatorCompiler: () => (value: unknown) => ({ value }),
      }),
      async (request, reply) => {
        let file: StoredFile;
        try {
          file = await service.upload(fileAccess(request), await readFilePart(request));
        } catch (error) {
          // Refused before the body was read to its end (413, 415, …): close the connection after the
          // answer instead of letting Node read and discard the rest of a possibly huge upload.
          if (!request.raw.readableEnded) reply.header('connection', 'close');
          throw error;
        }
        const data = view(file);
        return reply.code(201).header('location', data.url).send({ success: true as const, data });
      },
    );

    app.get(
      '/files',
      secured('authenticated', {
        schema: {
          tags,
          summary: 'List files',
          description: 'Newest first. Cursor pagination by default (`?cursor=&limit=`); offset pagination with `?page=`.',
          querystring: listFilesQuerySchema,
          response: { 200: fileListResponseSchema, ...errorResponses(400, 500) },
        },
      }),
      async (request) => {
        const page = await service.list(fileAccess(request), request.query);
        return { success: true as const, data: page.items.map(view), pagination: page.pagination };
      },
    );

    app.get(
      '/files/:id',
      secured('authenticated', {
        schema: {
          tags,
          summary: 'Download a file',
          description: 'Raster images are served inline, everything else as an attachment; always with `x-content-type-options: nosniff`.',
          params: fileIdParamsSchema,
          response: { 200: fileContentResponse(policy.maxBytes), ...errorResponses(400, 404, 500, 503) },
        },
      }),
      async (request, reply) => {
        const { file, body } = await service.open(fileAccess(request), request.params.id);
        return sendFile(reply, file, body);
      },
    );

    app.delete(
      '/files/:id',
      secured('authenticated', {
        schema: {
          tags,
          summary: 'Delete a file',
          params: fileIdParamsSchema,
          response: { 204: z.undefined().describe('Deleted'), ...errorResponses(400, 404, 500) },
        },
      }),
      async (request, reply) => {
        await service.delete(fileAccess(request), request.params.id);
        return reply.code(204).send();
      },
    );
  },
};
