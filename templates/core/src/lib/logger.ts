import type { FastifyBaseLogger } from 'fastify';
import { pino, type DestinationStream, type LoggerOptions } from 'pino';
import type { Env } from '../config/env.js';

/**
 * JSON-lines logger shared by the app (Fastify uses it as its logger) and by background code.
 * Secrets are redacted by path so that logging a request, a header bag or a body is always safe.
 */

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'password',
  'token',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.*.password',
  '*.*.token',
  'passwordHash',
  '*.passwordHash',
  '*.*.passwordHash',
  'password_hash',
  '*.password_hash',
  'access_token',
  'refresh_token',
  '*.*.access_token',
  '*.*.refresh_token',
];

/** The logger type the rest of the app sees: Fastify's view of pino, so it is the request logger's type too. */
export type AppLogger = FastifyBaseLogger;

export function loggerOptions(env: Pick<Env, 'LOG_LEVEL'>): LoggerOptions {
  return {
    level: env.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    // ISO timestamps read well in any log pipeline and sort lexically.
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
}

/** `destination` lets tests capture the lines; production writes to stdout. */
export function createLogger(env: Pick<Env, 'LOG_LEVEL'>, destination?: DestinationStream): AppLogger {
  return destination ? pino(loggerOptions(env), destination) : pino(loggerOptions(env));
}
