import type { FeatureManifest } from './types.js';

/** The HTTP service every project has: layers, envelope, errors, security, docs, health, users. */
export const coreFeature: FeatureManifest = {
  id: 'core',
  summary: 'Server',
  selectedWhen: { always: true },
  dependencies: ['fastify', '@fastify/helmet', '@fastify/cors', '@fastify/swagger', '@fastify/swagger-ui', 'fastify-type-provider-zod', 'pino', 'zod'],
  devDependencies: ['typescript', 'tsx', 'vitest', 'eslint', '@eslint/js', 'typescript-eslint', '@types/node', 'fast-check'],
  scripts: {
    dev: 'tsx watch src/index.ts',
    build: 'tsc -p tsconfig.build.json',
    start: 'node dist/index.js',
    test: 'vitest run',
    lint: 'eslint .',
    typecheck: 'tsc --noEmit',
  },
  env: [
    { name: 'NODE_ENV', schema: "z.enum(['development', 'test', 'production']).default('development')", example: 'development', description: 'development | test | production. Production enables stricter config checks and masks 500 errors.' },
    { name: 'HOST', schema: "z.string().trim().min(1).default('0.0.0.0')", example: '0.0.0.0', description: 'Interface the HTTP server listens on.' },
    { name: 'PORT', schema: 'int(0, 65535).default(3000)', example: '3000', description: 'Port the HTTP server listens on.' },
    { name: 'LOG_LEVEL', schema: "z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')", example: 'info', description: 'fatal | error | warn | info | debug | trace | silent' },
    { name: 'CORS_ORIGINS', schema: 'originList', example: '', description: "Comma-separated list of browser origins allowed by CORS, e.g. https://app.example.com,http://localhost:5173.\nEmpty: no cross-origin access. '*' allows any origin and is refused when NODE_ENV=production." },
    { name: 'BODY_LIMIT_BYTES', schema: 'int(1, 1024 * 1024 * 1024).default(1048576)', example: '1048576', description: 'Largest accepted request body in bytes (1 MiB); bigger bodies get 413 PAYLOAD_TOO_LARGE.' },
    { name: 'SHUTDOWN_TIMEOUT_MS', schema: 'int(0, 10 * 60 * 1000).default(30000)', example: '30000', description: 'On SIGTERM/SIGINT, how long in-flight requests may take to finish before connections are closed anyway.' },
    { name: 'DOCS_ENABLED', schema: 'z.stringbool().default(true)', example: 'true', description: 'Serve Swagger UI at /docs and the OpenAPI document at /docs/openapi.json (true/false).' },
    { name: 'TRUST_PROXY', schema: 'z.stringbool().default(false)', example: 'false', description: 'Trust X-Forwarded-* headers (set true behind a reverse proxy or load balancer).' },
    {
      name: 'CURSOR_SECRET',
      schema: "z.string().min(32, 'must be at least 32 characters').default(DEV_CURSOR_SECRET)",
      example: 'replace-with-at-least-32-random-characters',
      description: 'Secret (32+ characters) that signs pagination cursors. Required in production, where this example value\nand the built-in development default are refused. Generate one with: openssl rand -base64 48',
      secret: true,
    },
  ],
  templates: ['core'],
  registrations: [
    { point: 'plugins', symbol: 'securityPlugin', from: 'src/plugins/security.ts' },
    { point: 'plugins', symbol: 'corsPlugin', from: 'src/plugins/cors.ts' },
    { point: 'plugins', symbol: 'httpCachePlugin', from: 'src/plugins/http-cache.ts' },
    { point: 'routes', symbol: 'usersRoutes', from: 'src/routes/users.routes.ts' },
  ],
};
