import type { DomainEventType } from '../lib/events.js';
import type { WebhookDelivery, WebhookSubscription } from '../types/webhook.js';

/** Rows as Drizzle reads them on every database (timestamps are Dates) → what the API returns. */

export interface StoredSubscription {
  id: string;
  url: string;
  events: DomainEventType[];
  createdAt: Date;
}

export type StoredDelivery = Omit<WebhookDelivery, 'event' | 'nextRetryAt' | 'createdAt'> & {
  eventType: DomainEventType;
  nextRetryAt: Date | null;
  createdAt: Date;
};

export function toSubscription(row: StoredSubscription): WebhookSubscription {
  return { id: row.id, url: row.url, events: row.events, createdAt: row.createdAt.toISOString() };
}

export function toDelivery(row: StoredDelivery): WebhookDelivery {
  return {
    id: row.id,
    eventId: row.eventId,
    event: row.eventType,
    attempt: row.attempt,
    status: row.status,
    statusCode: row.statusCode,
    error: row.error,
    durationMs: row.durationMs,
    nextRetryAt: row.nextRetryAt === null ? null : row.nextRetryAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}
