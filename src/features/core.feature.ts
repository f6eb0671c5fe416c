import type { FeatureManifest } from './types.js';

/** The HTTP service every project has: layers, envelope, errors, security, docs, health, users. */
export const coreFeature: FeatureManifest = {
  id: 'core',
  summary: 'Server',
  selectedWhen: { always: true },
  dependencies: ['fastify', '@fastify/helmet', '@fastify/cors', '@fastify/etag', '@fastify/swagger', '@fastify/swagger-ui', 'fastify-type-provider-zod', 'zod'],
  devDependencies: ['typescript', 'tsx', 'vitest', 'eslint', '@eslint/js', 'typescript-eslint', '@types/node'],
  scripts: {
    dev: 'tsx watch src/index.ts',
    build: 'tsc -p tsconfig.build.json',
    start: 'node dist/index.js',
    test: 'vitest run',
    lint: 'eslint .',
    typecheck: 'tsc --noEmit',
  },
  env: [
    { name: 'NODE_ENV', schema: "z.enum(['development', 'test', 'production']).default('development')", example: 'development', description: 'development | test | production' },
    { name: 'HOST', schema: "z.string().min(1).default('0.0.0.0')", example: '0.0.0.0', description: 'Interface to listen on' },
    { name: 'PORT', schema: 'z.coerce.number().int().min(0).max(65535).default(3000)', example: '3000', description: 'Port to listen on' },
    { name: 'LOG_LEVEL', schema: "z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')", example: 'info', description: 'Pino log level' },
    { name: 'CORS_ORIGINS', schema: "z.string().default('http://localhost:3000')", example: 'http://localhost:3000', description: 'Comma-separated origins allowed by CORS; never * in production' },
    { name: 'BODY_LIMIT_BYTES', schema: 'z.coerce.number().int().positive().default(1_048_576)', example: '1048576', description: 'Largest accepted request body, in bytes (413 above it)' },
    { name: 'SHUTDOWN_TIMEOUT_MS', schema: 'z.coerce.number().int().positive().default(30_000)', example: '30000', description: 'How long in-flight requests may take to finish on SIGTERM' },
    { name: 'DOCS_ENABLED', schema: "z.stringbool().default(true)", example: 'true', description: 'Serve Swagger UI at /docs and the OpenAPI document at /docs/openapi.json' },
    { name: 'TRUST_PROXY', schema: "z.stringbool().default(false)", example: 'false', description: 'Trust X-Forwarded-* headers (behind a load balancer)' },
    { name: 'CURSOR_SECRET', schema: 'z.string().min(32).optional()', example: 'change-me-to-a-random-string-of-32-chars-or-more', description: 'Signs pagination cursors; required (32+ chars) in production', secret: true },
  ],
  templates: ['core'],
  registrations: [],
};
