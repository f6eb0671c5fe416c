import { randomUUID } from 'node:crypto';
import type { DomainEventType } from '../lib/events.js';
import type { SecretBox } from '../lib/webhooks/secret-box.js';
import { generateWebhookSecret } from '../lib/webhooks/signature.js';
import { checkWebhookUrl, UnsafeWebhookUrlError, type UrlGuardOptions } from '../lib/webhooks/url-guard.js';
import type { CursorPagination, Page } from '../types/pagination.js';
import type { CreatedWebhookSubscription, WebhookDelivery, WebhookKeyset, WebhookSubscription, WebhooksRepository } from '../types/webhook.js';
import type { CursorCodec } from '../utils/cursor.js';
import { NotFoundError, ValidationError } from '../utils/errors.js';

/**
 * Webhook subscriptions: creating (with the SSRF guard and a fresh secret, shown once), listing,
 * reading, deleting them, and reading their deliveries log. Knows nothing of HTTP or SQL.
 */

export interface CreateWebhookRequest {
  url: string;
  events: DomainEventType[];
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export class WebhooksService {
  constructor(
    private readonly repository: WebhooksRepository,
    private readonly secrets: SecretBox,
    private readonly guard: UrlGuardOptions,
    private readonly cursors: CursorCodec,
    private readonly now: () => number = Date.now,
  ) {}

  /** The returned `secret` exists nowhere else in clear: it is stored encrypted and never shown again. */
  async create(request: CreateWebhookRequest): Promise<CreatedWebhookSubscription> {
    let url: URL;
    try {
      ({ url } = await checkWebhookUrl(request.url, this.guard));
    } catch (error) {
      if (!(error instanceof UnsafeWebhookUrlError)) throw error;
      throw new ValidationError('Invalid body field: url', [{ field: 'url', message: error.message }]);
    }
    const id = randomUUID();
    const secret = generateWebhookSecret();
    const subscription = await this.repository.create({
      id,
      url: url.href,
      events: [...new Set(request.events)],
      secretCiphertext: this.secrets.seal(secret, id),
      createdAt: new Date(this.now()),
    });
    return { ...subscription, secret };
  }

  async get(id: string): Promise<WebhookSubscription> {
    const subscription = await this.repository.findById(id);
    if (subscription === null) throw new NotFoundError('Webhook subscription');
    return subscription;
  }

  async list(request: PageRequest): Promise<Page<WebhookSubscription, CursorPagination>> {
    const fingerprint = JSON.stringify(['webhooks']);
    const after = request.cursor === undefined ? undefined : this.readCursor(request.cursor, fingerprint);
    // One extra row tells whether another page exists without a COUNT.
    const rows = await this.repository.listAfter(request.limit + 1, after);
    return this.page(rows, request.limit, fingerprint);
  }

  /** Deliveries already queued for it are dropped when they run: they find no subscription. */
  async delete(id: string): Promise<void> {
    if (!(await this.repository.delete(id))) throw new NotFoundError('Webhook subscription');
  }

  async listDeliveries(id: string, request: PageRequest): Promise<Page<WebhookDelivery, CursorPagination>> {
    await this.get(id);
    // The subscription is part of the fingerprint: a cursor from one log cannot page through another.
    const fingerprint = JSON.stringify(['webhook-deliveries', id]);
    const after = request.cursor === undefined ? undefined : this.readCursor(request.cursor, fingerprint);
    const rows = await this.repository.listDeliveriesAfter(id, request.limit + 1, after);
    return this.page(rows, request.limit, fingerprint);
  }

  private page<T extends { id: string; createdAt: string }>(rows: T[], limit: number, fingerprint: string): Page<T, CursorPagination> {
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const hasMore = rows.length > limit && last !== undefined;
    const nextCursor = hasMore ? this.cursors.encode({ fingerprint, position: [last.createdAt, last.id] }) : null;
    return { items, pagination: { limit, hasMore, nextCursor } };
  }

  private readCursor(token: string, fingerprint: string): WebhookKeyset {
    const payload = this.cursors.decode(token);
    const [createdAt, id, ...rest] = payload?.position ?? [];
    if (payload === null || createdAt === undefined || id === undefined || rest.length > 0) {
      throw new ValidationError('Invalid cursor', [{ field: 'cursor', message: 'is malformed or was tampered with' }]);
    }
    if (payload.fingerprint !== fingerprint) {
      throw new ValidationError('Invalid cursor', [{ field: 'cursor', message: 'was issued for a different list; start again without a cursor' }]);
    }
    return [createdAt, id];
  }
}
