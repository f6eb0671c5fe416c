import { sql } from 'drizzle-orm';
import { check, customType, index, int, mysqlTable, smallint, text, unique, varchar } from 'drizzle-orm/mysql-core';
import { domainEventTypes, type DomainEventType } from '../lib/events.js';
import { WEBHOOK_DELIVERY_STATUSES } from '../types/webhook.js';
import { at, NOW, uuidKey, uuidRef } from './schema.js';

/**
 * Typed mirror of migrations/0004_webhooks (the SQL is the source of truth; the migrations test compares
 * every table). Kept apart from schema.ts so that only the webhooks repository sees an encrypted secret.
 * Character sets and collations live only in the SQL (ids and machine names are ascii_bin there).
 */

const isDomainEventType = (value: unknown): value is DomainEventType =>
  typeof value === 'string' && (domainEventTypes as readonly string[]).includes(value);

/**
 * The events column: a JSON array of event type names in a longtext (what MariaDB's JSON type is; the
 * driver hands it over as a string on both servers). A name this version does not know (written by a
 * newer one, or by hand) fails loudly instead of reaching the code as a type it cannot be.
 */
const eventList = customType<{ data: DomainEventType[]; driverData: string }>({
  dataType: () => 'longtext',
  toDriver: (events) => JSON.stringify(events),
  fromDriver(value) {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed) || !parsed.every(isDomainEventType)) {
      throw new Error(`webhook_subscriptions.events holds an unknown event type: ${value}`);
    }
    return parsed;
  },
});

export const webhookSubscriptions = mysqlTable(
  'webhook_subscriptions',
  {
    // No default: the application chooses the id (the encrypted secret is bound to it).
    id: uuidRef('id').primaryKey(),
    url: varchar('url', { length: 2048 }).notNull(),
    events: eventList('events').notNull(),
    secretCiphertext: text('secret_ciphertext').notNull(),
    createdAt: at('created_at').notNull().default(NOW),
  },
  (t) => [
    check('webhook_subscriptions_url_http', sql`${t.url} regexp '^https?://'`),
    check(
      'webhook_subscriptions_events_count',
      sql`json_valid(${t.events}) and json_type(${t.events}) = 'ARRAY' and json_length(${t.events}) between 1 and 32`,
    ),
    check('webhook_subscriptions_secret_format', sql`${t.secretCiphertext} like 'v1.%'`),
    index('webhook_subscriptions_created_at_id_idx').on(t.createdAt, t.id),
  ],
);

export const webhookDeliveries = mysqlTable(
  'webhook_deliveries',
  {
    id: uuidKey('id').primaryKey(),
    subscriptionId: uuidRef('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventId: uuidRef('event_id').notNull(),
    eventType: varchar('event_type', { length: 64, enum: domainEventTypes }).notNull(),
    attempt: smallint('attempt').notNull(),
    status: varchar('status', { length: 16, enum: WEBHOOK_DELIVERY_STATUSES }).notNull(),
    statusCode: smallint('status_code'),
    error: varchar('error', { length: 500 }),
    durationMs: int('duration_ms').notNull(),
    nextRetryAt: at('next_retry_at'),
    createdAt: at('created_at').notNull().default(NOW),
  },
  (t) => [
    unique('webhook_deliveries_attempt_unique').on(t.subscriptionId, t.eventId, t.attempt),
    check('webhook_deliveries_attempt_positive', sql`${t.attempt} >= 1`),
    check('webhook_deliveries_status_check', sql`${t.status} in ('delivered', 'failed', 'dead-lettered')`),
    check('webhook_deliveries_status_code_range', sql`${t.statusCode} between 100 and 599`),
    check('webhook_deliveries_duration_positive', sql`${t.durationMs} >= 0`),
    check('webhook_deliveries_retry_when_failed', sql`(${t.status} = 'failed') = (${t.nextRetryAt} is not null)`),
    check('webhook_deliveries_delivered_is_2xx', sql`${t.status} <> 'delivered' or (${t.statusCode} between 200 and 299 and ${t.error} is null)`),
    index('webhook_deliveries_subscription_created_at_id_idx').on(t.subscriptionId, t.createdAt, t.id),
  ],
);

export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
