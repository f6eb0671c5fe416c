// Verifies a webhook from this service: HMAC-SHA256 of "<timestamp>.<raw body>", compared in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Deliveries older (or further in the future) than this are refused: a replayed request is too old. */
const TOLERANCE_SECONDS = 5 * 60;

/**
 * True when `rawBody` (the exact bytes received, before any JSON parsing) was signed with `secret`
 * less than TOLERANCE_SECONDS ago. `headers` are the request's headers, names in lower case.
 */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer,
  nowMs: number = Date.now(),
): boolean {
  const timestamp = headers['x-webhook-timestamp'];
  const signature = headers['x-webhook-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string' || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const hmac = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
  const expected = Buffer.from(`sha256=${hmac}`);
  const received = Buffer.from(signature);
  // timingSafeEqual needs equal lengths; the length of a signature is no secret.
  return received.length === expected.length && timingSafeEqual(received, expected);
}
