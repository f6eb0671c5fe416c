import { z } from 'zod';
import { domainEventTypes } from '../../lib/events.js';
import { WEBHOOK_DELIVERY_STATUSES } from '../../types/webhook.js';
import { intString } from '../../utils/zod.js';
import { count, int32, nextCursor, successSchema, timestamp, uuid } from './common.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './users.js';

/** HTTP schemas of /api/v1/webhooks: they validate requests, shape responses and generate the docs. */

const eventType = z.enum(domainEventTypes);

const subscriptionFields = {
  id: uuid(),
  url: z.string().max(2048).meta({ format: 'uri' }).describe('Where deliveries are POSTed'),
  events: z.array(eventType).max(domainEventTypes.length).describe('The event types delivered to this URL'),
  createdAt: timestamp(),
};

export const webhookSubscriptionSchema = z
  .object(subscriptionFields)
  .meta({ id: 'WebhookSubscription', description: 'A webhook subscription as listed: never its secret' });

export const createdWebhookSubscriptionSchema = z
  .object({
    ...subscriptionFields,
    secret: z
      .string()
      .max(128)
      .describe('The signing secret (HMAC-SHA256 key). Shown only in this response: store it now, it cannot be retrieved later'),
  })
  .meta({ id: 'CreatedWebhookSubscription' });

export const webhookDeliverySchema = z
  .object({
    id: uuid(),
    eventId: uuid().describe('The event id, sent as x-webhook-id and as the body\'s "id": the same on every attempt'),
    event: eventType,
    attempt: int32(1, 32_767).describe('1 for the first try; at most 5'),
    status: z
      .enum(WEBHOOK_DELIVERY_STATUSES)
      .describe('delivered: the receiver answered 2xx; failed: retried at nextRetryAt; dead-lettered: the last attempt failed'),
    statusCode: int32(100, 599).nullable().describe("The receiver's HTTP status; null when no answer came"),
    error: z.string().max(500).nullable().describe('Why the attempt failed (status, timeout, refused address, …)'),
    durationMs: int32(0, 2_147_483_647),
    nextRetryAt: timestamp().nullable().describe('When the next attempt is due; null once delivered or dead-lettered'),
    createdAt: timestamp(),
  })
  .meta({ id: 'WebhookDelivery', description: 'One delivery attempt' });

export const createWebhookBodySchema = z.strictObject({
  url: z.string().trim().min(1).max(2048).meta({ format: 'uri' }).describe('http(s) URL; loopback and private addresses are refused (after DNS resolution too)'),
  events: z.array(eventType).min(1).max(domainEventTypes.length).describe(`Event types to deliver: ${domainEventTypes.join(', ')}`),
});

export const webhookIdParamsSchema = z.object({ id: uuid().describe('Webhook subscription id (UUID)') });

export const pageQuerySchema = z.strictObject({
  limit: intString(1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe(`Page size, at most ${MAX_PAGE_SIZE}`),
  cursor: z.string().min(1).max(2048).optional().describe('Opaque cursor from pagination.nextCursor'),
});

export type PageQuery = z.output<typeof pageQuerySchema>;

const cursorPagination = z
  .object({ limit: count(), hasMore: z.boolean(), nextCursor: nextCursor() })
  .describe('Cursor pagination');

export const createdWebhookResponseSchema = successSchema(createdWebhookSubscriptionSchema);
export const webhookResponseSchema = successSchema(webhookSubscriptionSchema);

export const webhookListResponseSchema = z.object({
  success: z.literal(true),
  data: z.array(webhookSubscriptionSchema).max(MAX_PAGE_SIZE).describe('Newest first'),
  pagination: cursorPagination,
});

export const webhookDeliveryListResponseSchema = z.object({
  success: z.literal(true),
  data: z.array(webhookDeliverySchema).max(MAX_PAGE_SIZE).describe('Delivery attempts, newest first'),
  pagination: cursorPagination,
});
