import { and, arrayContains, desc, eq, type SQL } from 'drizzle-orm';
import { webhookDeliveries, webhookSubscriptions } from '../db/webhook-schema.js';
import type { Db } from '../lib/database.js';
import type { DomainEventType } from '../lib/events.js';
import type {
  DeliveryAttempt,
  NewWebhookSubscription,
  SubscriptionTarget,
  WebhookDelivery,
  WebhookKeyset,
  WebhookSubscription,
  WebhooksRepository,
} from '../types/webhook.js';
import { keysetAfter, type KeysetColumn } from './keyset.js';
import { toDelivery, toSubscription } from './webhook-rows.js';
import { isForeignKeyViolation, withDatabase } from './pg-errors.js';

// The public columns: no query of this repository returns the encrypted secret except findTarget.
const publicColumns = {
  id: webhookSubscriptions.id,
  url: webhookSubscriptions.url,
  events: webhookSubscriptions.events,
  createdAt: webhookSubscriptions.createdAt,
};

// Newest first; id breaks ties in the same direction, so the (…, created_at, id) indexes serve both lists.
const SUBSCRIPTION_ORDER: KeysetColumn[] = [
  { column: webhookSubscriptions.createdAt, direction: 'desc' },
  { column: webhookSubscriptions.id, direction: 'desc' },
];
const DELIVERY_ORDER: KeysetColumn[] = [
  { column: webhookDeliveries.createdAt, direction: 'desc' },
  { column: webhookDeliveries.id, direction: 'desc' },
];

export class DrizzleWebhooksRepository implements WebhooksRepository {
  constructor(private readonly db: Db) {}

  async create(subscription: NewWebhookSubscription): Promise<WebhookSubscription> {
    const [row] = await withDatabase(() => this.db.insert(webhookSubscriptions).values(subscription).returning(publicColumns));
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return toSubscription(row);
  }

  async findById(id: string): Promise<WebhookSubscription | null> {
    const [row] = await withDatabase(() =>
      this.db.select(publicColumns).from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).limit(1),
    );
    return row ? toSubscription(row) : null;
  }

  async listAfter(limit: number, after?: WebhookKeyset): Promise<WebhookSubscription[]> {
    const where = after === undefined ? undefined : keysetAfter(SUBSCRIPTION_ORDER, [new Date(after[0]), after[1]]);
    const rows = await withDatabase(() =>
      this.db
        .select(publicColumns)
        .from(webhookSubscriptions)
        .where(where)
        .orderBy(desc(webhookSubscriptions.createdAt), desc(webhookSubscriptions.id))
        .limit(limit),
    );
    return rows.map(toSubscription);
  }

  async delete(id: string): Promise<boolean> {
    const rows = await withDatabase(() =>
      this.db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).returning({ id: webhookSubscriptions.id }),
    );
    return rows.length > 0;
  }

  async subscribedTo(type: DomainEventType): Promise<string[]> {
    const rows = await withDatabase(() =>
      this.db
        .select({ id: webhookSubscriptions.id })
        .from(webhookSubscriptions)
        .where(arrayContains(webhookSubscriptions.events, [type])),
    );
    return rows.map((row) => row.id);
  }

  async findTarget(id: string): Promise<SubscriptionTarget | null> {
    const [row] = await withDatabase(() =>
      this.db
        .select({ id: webhookSubscriptions.id, url: webhookSubscriptions.url, secretCiphertext: webhookSubscriptions.secretCiphertext })
        .from(webhookSubscriptions)
        .where(eq(webhookSubscriptions.id, id))
        .limit(1),
    );
    return row ?? null;
  }

  async recordAttempt(attempt: DeliveryAttempt): Promise<void> {
    const { subscriptionId, eventId, eventType, ...outcome } = attempt;
    try {
      await withDatabase(() =>
        this.db
          .insert(webhookDeliveries)
          .values({ subscriptionId, eventId, eventType, ...outcome })
          .onConflictDoUpdate({
            target: [webhookDeliveries.subscriptionId, webhookDeliveries.eventId, webhookDeliveries.attempt],
            set: outcome,
          }),
      );
    } catch (error) {
      // The subscription was deleted while this attempt ran: its log is gone with it, nothing to record.
      if (!isForeignKeyViolation(error)) throw error;
    }
  }

  async listDeliveriesAfter(subscriptionId: string, limit: number, after?: WebhookKeyset): Promise<WebhookDelivery[]> {
    const conditions: (SQL | undefined)[] = [eq(webhookDeliveries.subscriptionId, subscriptionId)];
    if (after !== undefined) conditions.push(keysetAfter(DELIVERY_ORDER, [new Date(after[0]), after[1]]));
    const rows = await withDatabase(() =>
      this.db
        .select()
        .from(webhookDeliveries)
        .where(and(...conditions))
        .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
        .limit(limit),
    );
    return rows.map(toDelivery);
  }
}
