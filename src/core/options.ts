import { z } from 'zod';

/**
 * The one source of truth for every choice a generated project can make. Flags, prompts, presets,
 * `--help` (through the spec derived at build time) and the project manifest all come from here.
 * Only values whose templates exist are offered: a value appears in an enum when it is built.
 */

export const optionMeta = {
  database: {
    message: 'Which database?',
    labels: {
      postgres: 'PostgreSQL (embedded PGlite when DATABASE_URL is unset)',
      sqlite: 'SQLite file database (better-sqlite3, WAL): no server, single node',
      mysql: 'MySQL / MariaDB (mysql2 pool; needs a server via DATABASE_URL, docker compose provides one)',
    },
  },
  auth: {
    message: 'Authentication?',
    labels: {
      jwt: 'JWT access tokens + rotating refresh tokens (Argon2id, lockout, RBAC)',
      session: 'Server-side sessions in an HttpOnly cookie, with CSRF tokens (Argon2id, lockout, RBAC)',
      'api-key': 'API keys issued by admins, sent as Bearer or x-api-key (no passwords)',
      none: 'None (public API)',
    },
  },
  cache: {
    message: 'Cache for hot reads?',
    labels: {
      memory: 'In-memory LRU (per process)',
      redis: 'Redis: cache and rate-limit counters shared by every instance (in-process stand-in when REDIS_URL is unset)',
      none: 'No cache',
    },
  },
  queue: {
    message: 'Background job queue?',
    labels: {
      none: 'None: jobs of the chosen features run in the API process (retries kept in memory)',
      bullmq: 'BullMQ on Redis, consumed by `npm run worker` (in-process stand-in when REDIS_URL is unset)',
      'pg-boss': 'pg-boss in PostgreSQL, consumed by `npm run worker` (in-process stand-in on the embedded PGlite)',
    },
  },
  features: {
    message: 'Optional features',
    labels: {
      docker: 'Dockerfile + docker-compose.yml',
      ci: 'GitHub Actions workflow (lint, typecheck, test on the chosen database)',
      email: 'Email: SMTP via nodemailer, dev outbox folder, welcome and password-reset mails as jobs',
      webhooks: 'Outgoing webhooks: signed deliveries of user events with retries, SSRF guard',
      uploads: 'File uploads: streamed multipart, size limit, type by magic bytes',
      metrics: 'Prometheus metrics at /metrics (prom-client): requests, latency, event loop, pool, cache, queue',
      sentry: 'Error tracking with Sentry (@sentry/node): 500s and crashes with request and user ids, off without SENTRY_DSN',
      otel: 'OpenTelemetry tracing (HTTP, Fastify, database, Redis) exported over OTLP, trace ids in logs',
      k8s: 'Kubernetes manifests: Deployment, Service, probes, limits, migration Job',
    },
  },
  storage: {
    message: 'Where do uploaded files go?',
    labels: {
      local: 'Local disk (UPLOAD_DIR)',
      s3: 'S3-compatible object storage via @aws-sdk/client-s3 (local disk when S3_BUCKET is unset)',
    },
  },
  packageManager: {
    message: 'Package manager?',
    labels: { npm: 'npm' },
  },
} as const;

export const databaseSchema = z.enum(['postgres', 'sqlite', 'mysql']).describe('Database engine');
export const authSchema = z.enum(['jwt', 'session', 'api-key', 'none']).describe('Authentication mode');
export const cacheSchema = z.enum(['memory', 'redis', 'none']).describe('Cache adapter');
export const queueSchema = z.enum(['none', 'bullmq', 'pg-boss']).describe('Job queue');
export const storageSchema = z.enum(['local', 's3']).describe('Upload storage (with the uploads feature)');
export const featureSchema = z.enum(['docker', 'ci', 'email', 'webhooks', 'uploads', 'metrics', 'sentry', 'otel', 'k8s']).describe('Optional features');
export const packageManagerSchema = z.enum(['npm']).describe('Package manager');

/** Sorted and de-duplicated, so the same choice always serialises the same way. */
const featureListSchema = z
  .array(featureSchema)
  .transform((list) => [...new Set(list)].sort())
  .describe('Optional features');

export const stackOptionsSchema = z
  .object({
    database: databaseSchema.default('postgres'),
    auth: authSchema.default('jwt'),
    cache: cacheSchema.default('memory'),
    queue: queueSchema.default('none'),
    features: featureListSchema.default(['ci', 'docker']),
    storage: storageSchema.default('local'),
    packageManager: packageManagerSchema.default('npm'),
  })
  .strict();

/** What a preset file or a `--from` manifest may hold: a subset of the options. */
export const partialOptionsSchema = z
  .object({
    database: databaseSchema,
    auth: authSchema,
    cache: cacheSchema,
    queue: queueSchema,
    features: featureListSchema,
    storage: storageSchema,
    packageManager: packageManagerSchema,
  })
  .partial()
  .strict();

export type StackOptions = z.output<typeof stackOptionsSchema>;
export type PartialOptions = z.input<typeof partialOptionsSchema>;
export type OptionName = keyof StackOptions;
export type FeatureName = z.output<typeof featureSchema>;
export type PackageManager = z.output<typeof packageManagerSchema>;

/** Options that only mean something alongside a feature: prompts skip them when it is not chosen. */
export const optionNeedsFeature: Partial<Record<OptionName, FeatureName>> = { storage: 'uploads' };

export const optionNames = Object.keys(stackOptionsSchema.shape) as OptionName[];

const valueSchemas = {
  database: databaseSchema,
  auth: authSchema,
  cache: cacheSchema,
  queue: queueSchema,
  features: featureSchema,
  storage: storageSchema,
  packageManager: packageManagerSchema,
} as const satisfies Record<OptionName, z.ZodEnum>;

/** The schema's own description of an option, for help texts. */
export function optionDescription(name: OptionName): string {
  return valueSchemas[name].description ?? name;
}

/** The values an option offers, read from its schema (for `features`, the values of one element). */
export function optionValues(name: OptionName): readonly string[] {
  return valueSchemas[name].options;
}

/** `packageManager` → `--package-manager`. */
export function flagName(name: OptionName): string {
  return `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

export function isMultiOption(name: OptionName): boolean {
  return name === 'features';
}

export function defaultOptions(): StackOptions {
  return stackOptionsSchema.parse({});
}
