import { z } from 'zod';
import { createWebhooksController } from '../controllers/webhooks.controller.js';
import { webhooksSecured } from '../middleware/webhooks-access.js';
import type { RouteModule } from '../types/app.js';
import { errorResponses } from './schemas/common.js';
import {
  createdWebhookResponseSchema,
  createWebhookBodySchema,
  pageQuerySchema,
  webhookDeliveryListResponseSchema,
  webhookIdParamsSchema,
  webhookListResponseSchema,
  webhookResponseSchema,
} from './schemas/webhooks.js';

const tags = ['webhooks'];

/**
 * /api/v1/webhooks: subscriptions to domain events, delivered as signed POSTs (docs/webhooks.md).
 * The signing secret appears once, in the answer to POST.
 */
export const webhooksRoutes: RouteModule = {
  name: 'webhooks',
  routes(app, deps) {
    const webhooks = createWebhooksController(deps.webhooks.subscriptions);

    app.post(
      '/webhooks',
      webhooksSecured({
        schema: {
          tags,
          summary: 'Subscribe a URL to events (the signing secret is shown once, in this response)',
          description:
            'Each event is POSTed as JSON `{id, type, occurredAt, data}` with the headers x-webhook-id, x-webhook-event, ' +
            'x-webhook-timestamp (unix seconds) and x-webhook-signature (`sha256=` + hex HMAC-SHA256 of `<timestamp>.<raw body>` ' +
            'keyed with the secret). A 2xx answer within the timeout is a delivery; anything else is retried with exponential ' +
            'backoff, 5 attempts in all. URLs that are, or resolve to, loopback, link-local or private addresses are refused.',
          body: createWebhookBodySchema,
          response: { 201: createdWebhookResponseSchema, ...errorResponses(400, 413, 415, 500) },
        },
      }),
      // A secret in the body: no cache may keep this response (RFC 9111 no-store).
      async (request, reply) => reply.code(201).header('cache-control', 'no-store').send(await webhooks.create(request.body)),
    );

    app.get(
      '/webhooks',
      webhooksSecured({
        schema: {
          tags,
          summary: 'List webhook subscriptions, newest first',
          querystring: pageQuerySchema,
          response: { 200: webhookListResponseSchema, ...errorResponses(400, 500) },
        },
      }),
      async (request) => webhooks.list(request.query),
    );

    app.get(
      '/webhooks/:id',
      webhooksSecured({
        schema: {
          tags,
          summary: 'Get a webhook subscription',
          params: webhookIdParamsSchema,
          response: { 200: webhookResponseSchema, ...errorResponses(400, 404, 500) },
        },
      }),
      async (request) => webhooks.get(request.params.id),
    );

    app.delete(
      '/webhooks/:id',
      webhooksSecured({
        schema: {
          tags,
          summary: 'Delete a webhook subscription, its deliveries log and its pending deliveries',
          params: webhookIdParamsSchema,
          response: { 204: z.undefined().describe('Deleted'), ...errorResponses(400, 404, 500) },
        },
      }),
      async (request, reply) => {
        await webhooks.remove(request.params.id);
        return reply.code(204).send();
      },
    );

    app.get(
      '/webhooks/:id/deliveries',
      webhooksSecured({
        schema: {
          tags,
          summary: "A subscription's deliveries log: one entry per attempt, newest first",
          params: webhookIdParamsSchema,
          querystring: pageQuerySchema,
          response: { 200: webhookDeliveryListResponseSchema, ...errorResponses(400, 404, 500) },
        },
      }),
      async (request) => webhooks.deliveries(request.params.id, request.query),
    );
  },
};
