import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { domainEventTypes, type DomainEventType } from '../lib/events.js';
import { WEBHOOK_DELIVERY_STATUSES } from '../types/webhook.js';

/**
 * Typed mirror of migrations/0004_webhooks (the SQL is the source of truth; the migrations test compares
 * every table). Kept apart from schema.ts so that only the webhooks repository sees an encrypted secret.
 * Instants are integer Unix milliseconds (Dates here), ids lower-case UUID text, both made here.
 */

const at = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const webhookSubscriptions = sqliteTable(
  'webhook_subscriptions',
  {
    id: text('id').primaryKey(),
    url: text('url').notNull(),
    // JSON text (JSON.stringify on write, JSON.parse on read): SQLite has no array type.
    events: text('events', { mode: 'json' }).$type<DomainEventType[]>().notNull(),
    secretCiphertext: text('secret_ciphertext').notNull(),
    createdAt: at('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    check('webhook_subscriptions_url_http', sql`${t.url} glob 'http://*' or ${t.url} glob 'https://*'`),
    check('webhook_subscriptions_url_length', sql`length(${t.url}) <= 2048`),
    check(
      'webhook_subscriptions_events_count',
      sql`case when json_valid(${t.events}) then json_type(${t.events}) = 'array' and json_array_length(${t.events}) between 1 and 32 else 0 end`,
    ),
    check(
      'webhook_subscriptions_events_strings',
      sql`${t.events} glob '[[]"*"]' and substr(${t.events}, 2, length(${t.events}) - 2) not glob '*[^A-Za-z0-9._:",-]*' and ${t.events} not glob '*""*' and length(${t.events}) - length(replace(${t.events}, '"', '')) = 2 * json_array_length(${t.events})`,
    ),
    check('webhook_subscriptions_secret_format', sql`${t.secretCiphertext} glob 'v1.*'`),
    index('webhook_subscriptions_created_at_id_idx').on(t.createdAt, t.id),
  ],
);

export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => randomUUID()),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    eventType: text('event_type', { enum: domainEventTypes }).notNull(),
    attempt: integer('attempt').notNull(),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    nextRetryAt: at('next_retry_at'),
    createdAt: at('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    unique('webhook_deliveries_attempt_unique').on(t.subscriptionId, t.eventId, t.attempt),
    check('webhook_deliveries_event_type_length', sql`length(${t.eventType}) <= 64`),
    check('webhook_deliveries_attempt_positive', sql`${t.attempt} between 1 and 32767`),
    check('webhook_deliveries_status_check', sql`${t.status} in ('delivered', 'failed', 'dead-lettered')`),
    check('webhook_deliveries_status_code_range', sql`${t.statusCode} between 100 and 599`),
    check('webhook_deliveries_error_length', sql`length(${t.error}) <= 500`),
    check('webhook_deliveries_duration_positive', sql`${t.durationMs} between 0 and 2147483647`),
    check('webhook_deliveries_retry_when_failed', sql`(${t.status} = 'failed') = (${t.nextRetryAt} is not null)`),
    check('webhook_deliveries_delivered_is_2xx', sql`${t.status} <> 'delivered' or (${t.statusCode} between 200 and 299 and ${t.error} is null)`),
    index('webhook_deliveries_subscription_created_at_id_idx').on(t.subscriptionId, t.createdAt, t.id),
  ],
);

export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
