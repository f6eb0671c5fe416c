import { DELIVER_WEBHOOK } from '../jobs/deliver-webhook.job.js';
import type { DomainEvent } from '../lib/events.js';
import type { JobQueue } from '../lib/jobs/jobs.js';
import type { WebhooksRepository } from '../types/webhook.js';

/**
 * Turns a domain event into one delivery job per subscription that wants it. Called by the event
 * subscriber after the write has committed; it only enqueues, so a slow or failing receiver never
 * slows or fails the request that caused the event.
 */
export class WebhookDispatchService {
  constructor(
    private readonly repository: WebhooksRepository,
    private readonly jobs: JobQueue,
  ) {}

  /** Enqueues the deliveries and returns how many. */
  async dispatch(event: DomainEvent): Promise<number> {
    const subscriptionIds = await this.repository.subscribedTo(event.type);
    await Promise.all(
      subscriptionIds.map((subscriptionId) =>
        this.jobs.enqueue(
          DELIVER_WEBHOOK,
          { subscriptionId, event: { id: event.id, type: event.type, occurredAt: event.occurredAt, data: event.data } },
          // Publishing the same event twice (a retried request, say) must not deliver it twice.
          { key: `webhook-${event.id}-${subscriptionId}` },
        ),
      ),
    );
    return subscriptionIds.length;
  }
}
