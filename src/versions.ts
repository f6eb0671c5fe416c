/**
 * Every package a generated project may depend on, pinned to a version that was installed and seen
 * working together on Node 20. Manifests name packages by key, so a misspelt name is a compile error.
 */
export const dependencyVersions = {
  '@aws-sdk/client-s3': '3.1175.0',
  '@electric-sql/pglite': '0.5.16',
  '@fastify/cookie': '11.1.5',
  '@fastify/cors': '11.4.3',
  '@fastify/etag': '6.2.0',
  '@fastify/helmet': '13.2.0',
  '@fastify/multipart': '10.1.9',
  '@fastify/rate-limit': '11.2.0',
  '@fastify/swagger': '9.9.3',
  '@fastify/swagger-ui': '6.1.3',
  argon2: '0.45.1',
  bullmq: '6.7.0',
  'drizzle-orm': '0.45.4',
  fastify: '5.12.8',
  'fastify-type-provider-zod': '7.0.0',
  'file-type': '21.3.4',
  ioredis: '6.0.0',
  jose: '6.2.18',
  'lru-cache': '11.5.3',
  nodemailer: '10.6.1',
  pino: '10.4.0',
  pg: '8.23.1',
  'pg-boss': '10.4.2',
  zod: '4.6.7',
  '@eslint/js': '10.0.1',
  '@types/node': '20.19.43',
  '@types/nodemailer': '8.0.2',
  '@types/pg': '8.23.1',
  s3rver: '3.7.1',
  eslint: '10.15.0',
  tsx: '4.23.15',
  typescript: '6.0.3',
  'typescript-eslint': '8.73.0',
  vitest: '4.1.12',
} as const;

export type PackageName = keyof typeof dependencyVersions;
