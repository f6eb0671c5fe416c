import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, smallint, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { domainEventTypes } from '../lib/events.js';
import { WEBHOOK_DELIVERY_STATUSES } from '../types/webhook.js';

/**
 * Typed mirror of migrations/0004_webhooks (the SQL is the source of truth; the migrations test compares
 * every table). Kept apart from schema.ts so that only the webhooks repository sees an encrypted secret.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey(),
    url: varchar('url', { length: 2048 }).notNull(),
    events: text('events', { enum: domainEventTypes }).array().notNull(),
    secretCiphertext: text('secret_ciphertext').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('webhook_subscriptions_url_http', sql`${t.url} ~ '^https?://'`),
    check('webhook_subscriptions_events_count', sql`cardinality(${t.events}) between 1 and 32`),
    check('webhook_subscriptions_secret_format', sql`${t.secretCiphertext} ~ '^v1\\.'`),
    index('webhook_subscriptions_created_at_id_idx').on(t.createdAt, t.id),
    index('webhook_subscriptions_events_idx').using('gin', t.events),
  ],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    eventType: varchar('event_type', { length: 64, enum: domainEventTypes }).notNull(),
    attempt: smallint('attempt').notNull(),
    status: varchar('status', { length: 16, enum: WEBHOOK_DELIVERY_STATUSES }).notNull(),
    statusCode: smallint('status_code'),
    error: varchar('error', { length: 500 }),
    durationMs: integer('duration_ms').notNull(),
    nextRetryAt: at('next_retry_at'),
    createdAt: at('created_at').notNull().defaultNow(),
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
