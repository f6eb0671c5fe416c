import { authJwtFeature, authNoneFeature, authPasswordsFeature, authSessionFeature } from './auth.feature.js';
import { cacheMemoryFeature, cacheNoneFeature } from './cache.feature.js';
import { coreFeature } from './core.feature.js';
import { databasePostgresFeature } from './database-postgres.feature.js';
import { ciFeature, dockerFeature } from './delivery.feature.js';
import { rateLimitFeature } from './rate-limit.feature.js';
import type { FeatureManifest } from './types.js';

/** Every feature the CLI knows, in the order their files and registrations are applied. */
export const featureRegistry: readonly FeatureManifest[] = [
  coreFeature,
  databasePostgresFeature,
  cacheMemoryFeature,
  cacheNoneFeature,
  rateLimitFeature,
  authNoneFeature,
  authJwtFeature,
  authSessionFeature,
  authPasswordsFeature,
  dockerFeature,
  ciFeature,
];
