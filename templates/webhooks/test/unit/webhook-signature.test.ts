import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhook } from '../../src/lib/webhooks/signature.js';
import { verifyWebhook } from '../helpers/verify-webhook.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const timestamp = Math.floor(NOW / 1000);
const body = JSON.stringify({ id: 'e1', type: 'user.created', occurredAt: new Date(NOW).toISOString(), data: { user: { id: 'u1' } } });

function headersFor(secret: string, at = timestamp, signedBody = body) {
  return { 'x-webhook-timestamp': String(at), 'x-webhook-signature': signWebhook(secret, at, signedBody) };
}

describe('webhook signatures', () => {
  it('are sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>"> keyed with the secret', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(secret);
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signWebhook(secret, timestamp, body)).toBe(`sha256=${expected}`);
  });

  it("pass the consumers' verification from docs/webhooks.md", () => {
    const secret = generateWebhookSecret();
    expect(verifyWebhook(secret, headersFor(secret), Buffer.from(body), NOW)).toBe(true);
    // 4 minutes later (a slow network, a clock a little off) is still fine.
    expect(verifyWebhook(secret, headersFor(secret), Buffer.from(body), NOW + 4 * 60_000)).toBe(true);
  });

  it('fail verification with another secret, an altered body or timestamp, or a missing header', () => {
    const secret = generateWebhookSecret();
    expect(verifyWebhook(generateWebhookSecret(), headersFor(secret), Buffer.from(body), NOW)).toBe(false);
    expect(verifyWebhook(secret, headersFor(secret), Buffer.from(body.replace('u1', 'u2')), NOW)).toBe(false);
    const moved = { ...headersFor(secret), 'x-webhook-timestamp': String(timestamp + 1) };
    expect(verifyWebhook(secret, moved, Buffer.from(body), NOW)).toBe(false);
    expect(verifyWebhook(secret, { 'x-webhook-timestamp': String(timestamp) }, Buffer.from(body), NOW)).toBe(false);
    expect(verifyWebhook(secret, { ...headersFor(secret), 'x-webhook-signature': 'sha256=abc' }, Buffer.from(body), NOW)).toBe(false);
  });

  it('are refused when older (a replay) or further in the future than 5 minutes', () => {
    const secret = generateWebhookSecret();
    const old = timestamp - 6 * 60;
    expect(verifyWebhook(secret, headersFor(secret, old), Buffer.from(body), NOW)).toBe(false);
    const future = timestamp + 6 * 60;
    expect(verifyWebhook(secret, headersFor(secret, future), Buffer.from(body), NOW)).toBe(false);
  });

  it('docs/webhooks.md shows exactly the verification code the tests run', async () => {
    const docs = await readFile(new URL('../../docs/webhooks.md', import.meta.url), 'utf8');
    const helper = await readFile(new URL('../helpers/verify-webhook.ts', import.meta.url), 'utf8');
    expect(docs).toContain(`\`\`\`ts\n${helper}\`\`\``);
  });
});
