import type { AuditOrigin } from '../lib/audit.js';
import type { ListApiKeysQuery } from '../routes/schemas/api-keys.js';
import type { ApiKeysService } from '../services/api-keys.service.js';

/**
 * Thin HTTP adapter for /api-keys: input already validated by the route schemas, work delegated to the
 * service, results wrapped in the response envelope. No rules live here.
 */
export function createApiKeysController(apiKeys: ApiKeysService) {
  return {
    async create(body: { name: string; userId?: string | undefined; expiresAt?: string | undefined }, callerId: string, origin: AuditOrigin) {
      return { success: true as const, data: await apiKeys.issue({ ...body, userId: body.userId ?? callerId }, callerId, origin) };
    },

    async list(query: ListApiKeysQuery) {
      const result = await apiKeys.list(query);
      return { success: true as const, data: result.items, pagination: result.pagination };
    },

    async revoke(id: string, callerId: string, origin: AuditOrigin) {
      await apiKeys.revoke(id, callerId, origin);
    },
  };
}
