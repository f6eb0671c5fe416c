import { auditCheck } from './checks/audit.js';
import { corsCheck } from './checks/cors.js';
import { envDocumentedCheck } from './checks/env-documented.js';
import { healthCheck } from './checks/health.js';
import { filterIndexesCheck } from './checks/indexes-filters.js';
import { foreignKeyIndexesCheck } from './checks/indexes-foreign-keys.js';
import { migrationsDownCheck } from './checks/migrations-down.js';
import { errorTrackingCheck, monitoringCheck, runbookCheck } from './checks/operations.js';
import { rateLimitCheck } from './checks/rate-limit.js';
import { secretsCheck } from './checks/secrets.js';
import { securityHeadersCheck } from './checks/security-headers.js';
import { shutdownCheck } from './checks/shutdown.js';
import { testsPassCheck, testsPresentCheck } from './checks/tests.js';
import type { DoctorCheck } from './types.js';

/**
 * Every check the doctor runs, in the order it reports them: the cheatsheet's pre-launch checklist,
 * security first, then reliability, then the slow ones (tests, audit). Adding a check is adding it here.
 */
export const doctorChecks: readonly DoctorCheck[] = [
  securityHeadersCheck,
  rateLimitCheck,
  corsCheck,
  secretsCheck,
  envDocumentedCheck,
  foreignKeyIndexesCheck,
  filterIndexesCheck,
  healthCheck,
  shutdownCheck,
  migrationsDownCheck,
  errorTrackingCheck,
  monitoringCheck,
  runbookCheck,
  testsPresentCheck,
  testsPassCheck,
  auditCheck,
];
