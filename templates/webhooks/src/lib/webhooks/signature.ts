import { createHmac, randomBytes } from 'node:crypto';

/**
 * How deliveries are signed. The receiver recomputes the HMAC over the exact bytes it received,
 * prefixed with the timestamp header, so neither the body nor the time can be changed in transit and
 * an old delivery cannot be replayed later (docs/webhooks.md shows the receiving side).
 */

export const WEBHOOK_HEADERS = {
  id: 'x-webhook-id',
  event: 'x-webhook-event',
  timestamp: 'x-webhook-timestamp',
  signature: 'x-webhook-signature',
} as const;

/** `whsec_` + 256 random bits: the HMAC key, shown to the subscriber once. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`; the timestamp is in unix seconds. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
