import type { FastifyPluginOptions, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { AppError, ValidationError } from '../../utils/errors.js';

/** The form field that carries the file. */
export const FILE_FIELD = 'file';

/**
 * Options of @fastify/multipart for the upload route. The size limit is not busboy's: past its limit
 * busboy silently truncates the file and then reads the rest of the request to discard it, so an
 * oversized upload would be received whole before it is refused. ByteLimit (./byte-limit.ts) fails the
 * stream at the first byte over UPLOAD_MAX_BYTES instead, and reading stops there.
 * Besides the file, a form may carry a few small fields (ignored), nothing more.
 */
export function multipartOptions(): FastifyPluginOptions {
  return {
    limits: { fileSize: Number.POSITIVE_INFINITY, files: 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 100 },
    throwFileSizeLimit: false,
  };
}

export interface UploadedPart {
  stream: Readable;
  fileName: string | undefined;
  declaredType: string | undefined;
}

function hasStatusCode(error: unknown): error is Error & { statusCode: number } {
  return error instanceof Error && 'statusCode' in error && typeof error.statusCode === 'number';
}

/** Errors of reading the multipart body (busboy, @fastify/multipart): the client's fault, so 4xx. */
export function multipartError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (hasStatusCode(error) && error.statusCode === 413) {
    return new AppError('PAYLOAD_TOO_LARGE', 'Too many parts in the multipart body: send one file and at most 10 small fields');
  }
  if (hasStatusCode(error) && error.statusCode >= 400 && error.statusCode < 500) return new ValidationError(`Invalid multipart body: ${error.message}`);
  // Busboy's parse errors carry no status ("Unexpected end of form", "Malformed part header", …).
  if (error instanceof Error && !hasStatusCode(error)) return new ValidationError(`Invalid multipart body: ${error.message}`);
  return error;
}

/**
 * The `file` part of a multipart/form-data request, as a stream: nothing is buffered or written to a
 * temporary file here. Not multipart → 415; no file, or a file in another field → 400.
 */
export async function readFilePart(request: FastifyRequest): Promise<UploadedPart> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the file as multipart/form-data, in a field named "${FILE_FIELD}"`);
  }
  let part;
  try {
    part = await request.file();
  } catch (error) {
    throw multipartError(error);
  }
  if (part === undefined) {
    throw new ValidationError('The request has no file', [{ field: FILE_FIELD, message: 'is required' }]);
  }
  if (part.fieldname !== FILE_FIELD) {
    part.file.destroy();
    throw new ValidationError(`The file must be sent in the "${FILE_FIELD}" field`, [
      { field: FILE_FIELD, message: `is required (a file came in "${part.fieldname}")` },
    ]);
  }
  return { stream: part.file, fileName: part.filename || undefined, declaredType: part.mimetype || undefined };
}
