import type { Env } from '../config/env.js';
import { readAppInfo } from '../config/app-info.js';
import { DELIVER_WEBHOOK } from '../jobs/deliver-webhook.job.js';
import type { Database } from '../lib/database.js';
import type { JobQueue } from '../lib/jobs/jobs.js';
import type { AppLogger } from '../lib/logger.js';
import { createSecretBox } from '../lib/webhooks/secret-box.js';
import type { UrlGuardOptions } from '../lib/webhooks/url-guard.js';
import { DrizzleWebhooksRepository } from '../repositories/webhooks.repository.js';
import { WebhookDeliveryService } from '../services/webhook-delivery.service.js';
import { WebhookDispatchService } from '../services/webhook-dispatch.service.js';
import { WebhooksService } from '../services/webhooks.service.js';
import { createCursorCodec } from '../utils/cursor.js';

/**
 * The webhooks object graph, wired by hand like src/app/dependencies.ts and exposed there as
 * `deps.webhooks`: the subscriptions API, the dispatcher that turns domain events into delivery jobs,
 * and the delivery itself (run by the job handler, src/jobs/deliver-webhook.job.ts).
 */

export interface WebhooksDependencies {
  subscriptions: WebhooksService;
  dispatch: WebhookDispatchService;
  deliveries: WebhookDeliveryService;
}

export function createWebhooksDependencies(env: Env, logger: AppLogger, database: Database, jobs: JobQueue): WebhooksDependencies {
  const repository = new DrizzleWebhooksRepository(database.db);
  const secrets = createSecretBox(env.WEBHOOK_SECRET_KEY);
  const guard: UrlGuardOptions = { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE_URLS };
  const { name, version } = readAppInfo();
  if (env.WEBHOOK_ALLOW_PRIVATE_URLS && env.NODE_ENV === 'production') {
    logger.warn('WEBHOOK_ALLOW_PRIVATE_URLS=true: webhooks may call loopback and private addresses (no SSRF protection)');
  }
  return {
    // The users list signs its cursors with the same secret; the fingerprint keeps the lists apart.
    subscriptions: new WebhooksService(repository, secrets, guard, createCursorCodec(env.CURSOR_SECRET)),
    dispatch: new WebhookDispatchService(repository, jobs),
    deliveries: new WebhookDeliveryService(repository, secrets, logger, {
      guard,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      attempts: DELIVER_WEBHOOK.attempts,
      // The delay the queue applies before the 2nd try (JOBS_BACKOFF_SCALE shrinks it in tests).
      backoffMs: DELIVER_WEBHOOK.backoffMs * env.JOBS_BACKOFF_SCALE,
      userAgent: `${name}-webhooks/${version}`,
    }),
  };
}
