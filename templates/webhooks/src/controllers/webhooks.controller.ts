import type { PageQuery } from '../routes/schemas/webhooks.js';
import type { CreateWebhookRequest, WebhooksService } from '../services/webhooks.service.js';

/**
 * Thin HTTP adapter for /webhooks: input already validated by the route schemas, work delegated to the
 * service, results wrapped in the response envelope. No rules live here.
 */
export function createWebhooksController(webhooks: WebhooksService) {
  return {
    async create(body: CreateWebhookRequest) {
      return { success: true as const, data: await webhooks.create(body) };
    },

    async list(query: PageQuery) {
      const result = await webhooks.list(query);
      return { success: true as const, data: result.items, pagination: result.pagination };
    },

    async get(id: string) {
      return { success: true as const, data: await webhooks.get(id) };
    },

    async remove(id: string) {
      await webhooks.delete(id);
    },

    async deliveries(id: string, query: PageQuery) {
      const result = await webhooks.listDeliveries(id, query);
      return { success: true as const, data: result.items, pagination: result.pagination };
    },
  };
}
