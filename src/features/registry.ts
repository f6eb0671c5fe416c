import {
  authApiKeyFeature,
  authCommonFeature,
  authJwtFeature,
  authNoneFeature,
  authPasswordsFeature,
  authSessionFeature,
} from './auth.feature.js';
import { cacheLocalFeature, cacheLruFeature, cacheMemoryFeature, cacheNoneFeature, cacheRedisFeature } from './cache.feature.js';
import { coreFeature } from './core.feature.js';
import { databasePostgresFeature } from './database-postgres.feature.js';
import { ciFeature, dockerFeature } from './delivery.feature.js';
import { rateLimitFeature } from './rate-limit.feature.js';
import type { FeatureManifest } from './types.js';

/** Every feature the CLI knows, in the order their files and registrations are applied. */
export const featureRegistry: readonly FeatureManifest[] = [
  coreFeature,
  databasePostgresFeature,
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
  dockerFeature,
  ciFeature,
];
