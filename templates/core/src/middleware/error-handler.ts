import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type ErrorDetail, ValidationError } from '../utils/errors.js';
import { REQUEST_ID_HEADER } from './request-id.js';

/**
 * The single place where errors become HTTP responses, so every failure has the same envelope:
 * { success: false, error: { code, message, details? } }.
 * Known (operational) errors keep their message; anything else is a bug: logged with the request id,
 * answered with 500, and in production described only as "Internal server error".
 */

export interface ErrorBody {
  success: false;
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}

export function errorBody(code: ErrorCode, message: string, details?: ErrorDetail[]): ErrorBody {
  return { success: false, error: { code, message, ...(details && details.length > 0 ? { details } : {}) } };
}

const CONTEXT_LABEL: Record<string, string> = {
  querystring: 'query parameter',
  params: 'path parameter',
  body: 'body field',
  headers: 'header',
};

interface ValidationIssue {
  instancePath: string;
  message?: string | undefined;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** One detail per offending field; unknown keys are named individually so the client sees which. */
export function validationDetails(issues: ValidationIssue[], context: string): ErrorDetail[] {
  return issues.flatMap((issue) => {
    const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || context;
    const keys = issue.params?.keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      return keys.map((key) => ({ field: String(key), message: `is not an allowed ${CONTEXT_LABEL[context] ?? 'field'}` }));
    }
    return [{ field, message: issue.message ?? 'is invalid' }];
  });
}

// Status codes Fastify itself may raise, mapped onto the contract's codes.
const STATUS_CODE: Record<number, ErrorCode> = {
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Maps anything thrown to a known AppError, or null when it is an unexpected (programming) error. */
export function toAppError(error: FastifyError, bodyLimit: number): AppError | null {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? 'request';
    const details = validationDetails(error.validation, context);
    const fields = [...new Set(details.map((d) => d.field))].join(', ');
    return new ValidationError(`Invalid ${CONTEXT_LABEL[context] ?? context}: ${fields}`, details);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported content-type: send application/json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', `Request body is larger than ${bodyLimit} bytes`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ValidationError('Request body is empty but content-type is application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ValidationError('Request body is not valid JSON');
  }
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    // Fastify's own client errors (bad content-length, JSON syntax, …): their messages are safe to show.
    const code = STATUS_CODE[status] ?? 'VALIDATION_ERROR';
    return new AppError(code, error instanceof SyntaxError ? 'Request body is not valid JSON' : error.message);
  }
  return null;
}

/** The operational error that answers `error` with its own status, or null for a bug (answered 500). */
function operationalError(error: FastifyError, bodyLimit: number): AppError | null {
  const known = toAppError(error, bodyLimit);
  return known && known.code !== 'INTERNAL_ERROR' ? known : null;
}

/** The handler's own decision, for whoever reports bugs (error tracking) but must leave 4xx alone. */
export function isProgrammingError(error: FastifyError, bodyLimit: number): boolean {
  return operationalError(error, bodyLimit) === null;
}

export function createErrorHandler(options: { isProduction: boolean; bodyLimit: number }) {
  return function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    const known = operationalError(error, options.bodyLimit);
    if (known) {
      if (known.statusCode >= 500) request.log.error({ err: error }, known.message);
      return reply.code(known.statusCode).send(errorBody(known.code, known.message, known.details));
    }
    request.log.error({ err: error }, 'Unhandled error');
    const message = options.isProduction ? 'Internal server error' : error.message || 'Internal server error';
    return reply.code(500).send(errorBody('INTERNAL_ERROR', message));
  };
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0] ?? '';
  return reply.code(404).send(errorBody('NOT_FOUND', `Route ${request.method} ${path} not found`));
}

/**
 * Errors raised before routing (a malformed URL, a failing route constraint): no hooks have run,
 * so the request id is set here.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.header(REQUEST_ID_HEADER, request.id);
  if (error.code === 'FST_ERR_BAD_URL') {
    return reply.code(400).send(errorBody('VALIDATION_ERROR', 'Malformed URL'));
  }
  // A path segment longer than the router's maxParamLength (100): no id is that long. Fastify's own
  // answer would be 414, which the contract does not know; the parameter is simply invalid.
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return reply.code(400).send(errorBody('VALIDATION_ERROR', 'A path parameter is too long'));
  }
  request.log.error({ err: error }, 'Routing failed');
  return reply.code(500).send(errorBody('INTERNAL_ERROR', 'Internal server error'));
}
