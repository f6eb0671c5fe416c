import type { DomainEventType } from '../lib/events.js';

/** Outgoing webhooks: subscriptions to domain events and the log of their delivery attempts. */

/** delivered: a 2xx answer; failed: retried at nextRetryAt; dead-lettered: the last attempt failed, no more retries. */
export const WEBHOOK_DELIVERY_STATUSES = ['delivered', 'failed', 'dead-lettered'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export interface WebhookSubscription {
  id: string;
  url: string;
  events: DomainEventType[];
  createdAt: string;
}

/** The answer to a create: the only time the signing secret leaves the server. */
export interface CreatedWebhookSubscription extends WebhookSubscription {
  secret: string;
}

export interface NewWebhookSubscription {
  id: string;
  url: string;
  events: DomainEventType[];
  secretCiphertext: string;
  createdAt: Date;
}

/** What a delivery reads at send time: a deleted subscription receives nothing more. */
export interface SubscriptionTarget {
  id: string;
  url: string;
  secretCiphertext: string;
}

export interface WebhookDelivery {
  id: string;
  /** The event's id, sent as x-webhook-id: the same on every attempt. */
  eventId: string;
  event: DomainEventType;
  attempt: number;
  status: WebhookDeliveryStatus;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  nextRetryAt: string | null;
  createdAt: string;
}

export interface DeliveryAttempt {
  subscriptionId: string;
  eventId: string;
  eventType: DomainEventType;
  attempt: number;
  status: WebhookDeliveryStatus;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  nextRetryAt: Date | null;
  createdAt: Date;
}

/** Position of a row in a newest-first list: its creation time (ISO) and id. */
export type WebhookKeyset = [createdAt: string, id: string];

export interface WebhooksRepository {
  create(subscription: NewWebhookSubscription): Promise<WebhookSubscription>;
  findById(id: string): Promise<WebhookSubscription | null>;
  /** Newest first, strictly after `after`. */
  listAfter(limit: number, after?: WebhookKeyset): Promise<WebhookSubscription[]>;
  /** False when there was no such subscription. */
  delete(id: string): Promise<boolean>;
  /** Ids of the subscriptions that want events of this type. */
  subscribedTo(type: DomainEventType): Promise<string[]>;
  findTarget(id: string): Promise<SubscriptionTarget | null>;
  /** Inserts the attempt, or overwrites it when that attempt already ran (a job re-run after a crash). */
  recordAttempt(attempt: DeliveryAttempt): Promise<void>;
  /** One subscription's attempts, newest first, strictly after `after`. */
  listDeliveriesAfter(subscriptionId: string, limit: number, after?: WebhookKeyset): Promise<WebhookDelivery[]>;
}
