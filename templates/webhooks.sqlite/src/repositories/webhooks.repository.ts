import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
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
import { isForeignKeyViolation, withDatabase } from './sqlite-errors.js';

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

/**
 * better-sqlite3 runs each statement synchronously on the one connection, so a statement ends before
 * another request's starts; RETURNING gives the row as stored.
 */
export class DrizzleWebhooksRepository implements WebhooksRepository {
  constructor(private readonly db: Db) {}

  async create(subscription: NewWebhookSubscription): Promise<WebhookSubscription> {
    const row = await withDatabase(() => this.db.insert(webhookSubscriptions).values(subscription).returning(publicColumns).get());
    return toSubscription(row);
  }

  async findById(id: string): Promise<WebhookSubscription | null> {
    const row = await withDatabase(() => this.db.select(publicColumns).from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).get());
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
        .limit(limit)
        .all(),
    );
    return rows.map(toSubscription);
  }

  async delete(id: string): Promise<boolean> {
    const result = await withDatabase(() => this.db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).run());
    return result.changes > 0;
  }

  async subscribedTo(type: DomainEventType): Promise<string[]> {
    // The elements of the JSON array, one row each; no index can serve this (see the migration), so it
    // reads every subscription: a handful of rows that admins made.
    const rows = await withDatabase(() =>
      this.db
        .select({ id: webhookSubscriptions.id })
        .from(webhookSubscriptions)
        .where(sql`exists (select 1 from json_each(${webhookSubscriptions.events}) where json_each.value = ${type})`)
        .all(),
    );
    return rows.map((row) => row.id);
  }

  async findTarget(id: string): Promise<SubscriptionTarget | null> {
    const row = await withDatabase(() =>
      this.db
        .select({ id: webhookSubscriptions.id, url: webhookSubscriptions.url, secretCiphertext: webhookSubscriptions.secretCiphertext })
        .from(webhookSubscriptions)
        .where(eq(webhookSubscriptions.id, id))
        .get(),
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
          })
          .run(),
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
        .limit(limit)
        .all(),
    );
    return rows.map(toDelivery);
  }
}
