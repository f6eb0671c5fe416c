import {
  authApiKeyFeature,
  authCommonFeature,
  authJwtFeature,
  authNoneFeature,
  authPasswordsFeature,
  authSessionFeature,
} from './auth.feature.js';
import { cacheLocalFeature, cacheLruFeature, cacheMemoryFeature, cacheNoneFeature, cacheRedisFeature, redisFeature } from './cache.feature.js';
import { coreFeature } from './core.feature.js';
import { databaseMysqlFeature } from './database-mysql.feature.js';
import { databasePostgresFeature } from './database-postgres.feature.js';
import { databaseSqliteFeature } from './database-sqlite.feature.js';
import { ciFeature, dockerFeature, operationsFeature } from './delivery.feature.js';
import { emailFeature, emailLogFeature, emailPasswordsFeature } from './email.feature.js';
import { k8sFeature } from './k8s.feature.js';
import { metricsFeature } from './metrics.feature.js';
import { otelFeature, otelMysqlFeature, otelPostgresFeature, otelRedisFeature, otelWorkerFeature } from './otel.feature.js';
import { sentryFeature } from './sentry.feature.js';
import { jobsCleanupFeature, jobsFeature, queueBullmqFeature, queueInProcessFeature, queuePgBossFeature } from './jobs.feature.js';
import { rateLimitFeature, rateLimitPlansFeature } from './rate-limit.feature.js';
import { storageLocalFeature, storageS3Feature, uploadsFeature } from './uploads.feature.js';
import { webhooksFeature } from './webhooks.feature.js';
import type { FeatureManifest } from './types.js';

/** Every feature the CLI knows, in the order their files and registrations are applied. */
export const featureRegistry: readonly FeatureManifest[] = [
  coreFeature,
  databasePostgresFeature,
  databaseSqliteFeature,
  databaseMysqlFeature,
  redisFeature,
  cacheLruFeature,
  cacheLocalFeature,
  cacheMemoryFeature,
  cacheNoneFeature,
  cacheRedisFeature,
  rateLimitFeature,
  authNoneFeature,
  authJwtFeature,
  authSessionFeature,
  authPasswordsFeature,
  authApiKeyFeature,
  authCommonFeature,
  rateLimitPlansFeature,
  jobsFeature,
  queueInProcessFeature,
  queueBullmqFeature,
  queuePgBossFeature,
  jobsCleanupFeature,
  emailFeature,
  emailPasswordsFeature,
  emailLogFeature,
  webhooksFeature,
  uploadsFeature,
  storageLocalFeature,
  storageS3Feature,
  metricsFeature,
  sentryFeature,
  otelFeature,
  otelPostgresFeature,
  otelMysqlFeature,
  otelRedisFeature,
  otelWorkerFeature,
  dockerFeature,
  ciFeature,
  k8sFeature,
  operationsFeature,
];
