import { z } from 'zod';
import { domainEventTypes } from '../lib/events.js';
import type { JobSpec } from '../lib/jobs/jobs.js';
import { defineJob } from './define.js';

/**
 * One event to one subscription. The job carries the event itself, frozen when it happened (a later
 * update of the user does not change what this delivery sends), and only the id of the subscription:
 * its URL and secret are read at send time, so a deleted subscription receives nothing more and the
 * secret never sits in the queue.
 */

export const webhookEventSchema = z.object({
  id: z.uuid(),
  type: z.enum(domainEventTypes),
  occurredAt: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});

export const deliverWebhookSchema = z.object({ subscriptionId: z.uuid(), event: webhookEventSchema });

export type WebhookEvent = z.output<typeof webhookEventSchema>;
export type DeliverWebhookData = z.output<typeof deliverWebhookSchema>;

/**
 * 5 tries: retries after 1, 2, 4 and 8 minutes (times JOBS_BACKOFF_SCALE, which tests shrink), then the
 * dead-letter queue.
 */
export const DELIVER_WEBHOOK: JobSpec<DeliverWebhookData> = {
  name: 'webhooks.deliver',
  schema: deliverWebhookSchema,
  attempts: 5,
  backoffMs: 60_000,
  // A backstop above the longest WEBHOOK_TIMEOUT_MS plus DNS: the request has its own, shorter timeout.
  timeoutMs: 90_000,
};

export const deliverWebhookJob = defineJob(DELIVER_WEBHOOK, (deps) => (data, context) => deps.webhooks.deliveries.deliver(data, context));
