import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { webhookSubscriptions } from '../../src/db/webhook-schema.js';
import { DELIVER_WEBHOOK } from '../../src/jobs/deliver-webhook.job.js';
import { createLogger } from '../../src/lib/logger.js';
import { postJson } from '../../src/lib/webhooks/http-post.js';
import { createSecretBox } from '../../src/lib/webhooks/secret-box.js';
import type { Resolver } from '../../src/lib/webhooks/url-guard.js';
import { DrizzleWebhooksRepository } from '../../src/repositories/webhooks.repository.js';
import { WebhookDeliveryError, WebhookDeliveryService } from '../../src/services/webhook-delivery.service.js';
import type { WebhookDelivery } from '../../src/types/webhook.js';
import { useTestApp } from '../helpers/app.js';
import { createUser } from '../helpers/users.js';
import { startReceiver, waitUntil, type ReceiverOptions, type WebhookReceiver } from '../helpers/webhook-receiver.js';

// Receivers listen on 127.0.0.1, which the SSRF guard refuses unless told otherwise. The timeout is short
// so the slow receiver fails fast; retry delays are 1/1000 of the real ones (JOBS_BACKOFF_SCALE in tests).
const TIMEOUT_MS = 400;
const ctx = useTestApp({ env: { WEBHOOK_ALLOW_PRIVATE_URLS: 'true', WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS) } });

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(options: ReceiverOptions = {}): Promise<WebhookReceiver> {
  const started = await startReceiver(options);
  receivers.push(started);
  return started;
}

/** Subscribes the receiver to user.created and hands it the secret to verify deliveries with. */
async function subscribe(target: WebhookReceiver): Promise<string> {
  const response = await ctx.admin.inject({ method: 'POST', url: '/api/v1/webhooks', payload: { url: target.url, events: ['user.created'] } });
  expect(response.statusCode, response.body).toBe(201);
  target.secret = response.json().data.secret;
  return response.json().data.id;
}

async function deliveries(subscriptionId: string): Promise<WebhookDelivery[]> {
  const response = await ctx.admin.inject({ url: `/api/v1/webhooks/${subscriptionId}/deliveries?limit=100` });
  expect(response.statusCode).toBe(200);
  return response.json().data;
}

const firstRetryMs = () => DELIVER_WEBHOOK.backoffMs * ctx.deps.env.JOBS_BACKOFF_SCALE;

/** The wait the queue applies after failed attempt `attemptsMade`; pg-boss counts it in whole seconds (0 in tests). */
function appliedRetryDelayMs(attemptsMade: number): number {
  const first = ctx.deps.jobs.kind === 'pg-boss' ? Math.round(firstRetryMs() / 1000) * 1000 : firstRetryMs();
  return first * 2 ** (attemptsMade - 1);
}

describe('webhook delivery', () => {
  it('POSTs the signed event; a 500 is retried with growing delays until the receiver answers 2xx', async () => {
    const hook = await receiver({ statuses: [500, 500, 200] });
    const subscriptionId = await subscribe(hook);
    const ada = await createUser(ctx.admin, { email: 'ada@example.com', name: 'Ada' });

    const log = await waitUntil(async () => {
      const entries = await deliveries(subscriptionId);
      return entries[0]?.status === 'delivered' && entries;
    }, 'the third attempt to be delivered');
    expect(hook.received).toHaveLength(3);

    // Every attempt: verified with the documented code, same event id and body, a fresh timestamp.
    const [first] = hook.received;
    const event = JSON.parse(first?.body ?? '{}');
    expect(event).toEqual({ id: expect.any(String), type: 'user.created', occurredAt: expect.any(String), data: { user: ada } });
    for (const delivery of hook.received) {
      expect(delivery.verified).toBe(true);
      expect(delivery.body).toBe(first?.body);
      expect(delivery.headers).toMatchObject({
        'content-type': 'application/json',
        'x-webhook-id': event.id,
        'x-webhook-event': 'user.created',
        'x-webhook-timestamp': expect.stringMatching(/^\d{10}$/),
        'x-webhook-signature': expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
        'user-agent': expect.stringMatching(/-webhooks\/\d+\.\d+\.\d+$/),
      });
      expect(Math.abs(Number(delivery.headers['x-webhook-timestamp']) - delivery.receivedAt / 1000)).toBeLessThan(5);
    }
    // Exponential backoff: the queue waits the base delay, then twice as long.
    const gaps = hook.received.slice(1).map((delivery, i) => delivery.receivedAt - (hook.received[i]?.receivedAt ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(appliedRetryDelayMs(1) * 0.9);
    expect(gaps[1]).toBeGreaterThanOrEqual(appliedRetryDelayMs(2) * 0.9);

    expect(log.map(({ attempt, status, statusCode, error }) => ({ attempt, status, statusCode, error }))).toEqual([
      { attempt: 3, status: 'delivered', statusCode: 200, error: null },
      { attempt: 2, status: 'failed', statusCode: 500, error: 'answered 500' },
      { attempt: 1, status: 'failed', statusCode: 500, error: 'answered 500' },
    ]);
    for (const entry of log) {
      expect(entry).toMatchObject({ eventId: event.id, event: 'user.created', durationMs: expect.any(Number) });
      // The log announces the next try: the base delay after attempt 1, twice that after attempt 2.
      if (entry.status === 'failed') expect(Date.parse(entry.nextRetryAt ?? '') - Date.parse(entry.createdAt)).toBe(Math.trunc(firstRetryMs() * 2 ** (entry.attempt - 1)));
      else expect(entry.nextRetryAt).toBeNull();
    }
  });

  it('a receiver that always fails gets 5 attempts, then the delivery is dead-lettered', async () => {
    const hook = await receiver({ statuses: [503] });
    const subscriptionId = await subscribe(hook);
    await createUser(ctx.admin, { email: 'bob@example.com', name: 'Bob' });

    const log = await waitUntil(async () => {
      const entries = await deliveries(subscriptionId);
      return entries[0]?.status === 'dead-lettered' && entries;
    }, 'the delivery to be dead-lettered', 15_000);
    expect(log.map((entry) => [entry.attempt, entry.status])).toEqual([
      [5, 'dead-lettered'],
      [4, 'failed'],
      [3, 'failed'],
      [2, 'failed'],
      [1, 'failed'],
    ]);
    expect(log[0]).toMatchObject({ statusCode: 503, error: 'answered 503', nextRetryAt: null });
    const dead = await waitUntil(async () => {
      const letters = await ctx.deps.jobs.deadLetters();
      return letters.find((letter) => letter.name === DELIVER_WEBHOOK.name && JSON.stringify(letter.data).includes(subscriptionId));
    }, 'the job in the dead-letter queue');
    expect(dead).toMatchObject({ attempts: 5, error: expect.stringContaining('answered 503') });
    // Nothing after the fifth attempt, even after longer than the next delay would have been.
    await new Promise((resolve) => setTimeout(resolve, Math.max(appliedRetryDelayMs(5), 500)));
    expect(hook.received).toHaveLength(5);
  });

  it('an answer slower than WEBHOOK_TIMEOUT_MS is a failed attempt, logged as a timeout', async () => {
    const hook = await receiver({ delayMs: TIMEOUT_MS * 5 });
    const subscriptionId = await subscribe(hook);
    await createUser(ctx.admin, { email: 'cleo@example.com', name: 'Cleo' });

    const entry = await waitUntil(async () => (await deliveries(subscriptionId)).find((logged) => logged.attempt === 1), 'the first attempt to time out');
    expect(entry).toMatchObject({ attempt: 1, status: 'failed', statusCode: null, error: `timed out after ${TIMEOUT_MS} ms` });
    expect(entry.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(entry.durationMs).toBeLessThan(TIMEOUT_MS * 5);
    // Deleting the subscription stops the retries: they find nothing to deliver to.
    expect((await ctx.admin.inject({ method: 'DELETE', url: `/api/v1/webhooks/${subscriptionId}` })).statusCode).toBe(204);
  });

  it('does not follow redirects: a 3xx is a failed attempt and the redirect target sees nothing', async () => {
    const elsewhere = await receiver();
    const hook = await receiver({ statuses: [307], headers: { location: elsewhere.url } });
    const subscriptionId = await subscribe(hook);
    await createUser(ctx.admin, { email: 'dan@example.com', name: 'Dan' });

    const entry = await waitUntil(async () => (await deliveries(subscriptionId)).find((logged) => logged.attempt === 1), 'the first attempt');
    expect(entry).toMatchObject({ status: 'failed', statusCode: 307, error: 'answered 307: redirects are not followed' });
    expect(elsewhere.received).toEqual([]);
    await ctx.admin.inject({ method: 'DELETE', url: `/api/v1/webhooks/${subscriptionId}` });
  });
});

describe('webhook delivery, SSRF guard at send time', () => {
  /** A delivery service like the app's, but with the guard on (unless told otherwise) and DNS answers chosen by the test. */
  function guardedDelivery(resolve: Resolver, allowPrivate = false): WebhookDeliveryService {
    const { env } = ctx.deps;
    return new WebhookDeliveryService(new DrizzleWebhooksRepository(ctx.deps.database.db), createSecretBox(env.WEBHOOK_SECRET_KEY), createLogger(env), {
      guard: { allowPrivate, resolve },
      timeoutMs: TIMEOUT_MS,
      attempts: DELIVER_WEBHOOK.attempts,
      backoffMs: firstRetryMs(),
      userAgent: 'test',
    });
  }

  const event = () => ({ id: randomUUID(), type: 'user.created' as const, occurredAt: new Date().toISOString(), data: { user: { id: 'u1' } } });
  const noDns: Resolver = async () => [];

  it('re-checks the URL before every attempt: a loopback target accepted earlier is refused and logged', async () => {
    const hook = await receiver();
    // Accepted while private URLs were allowed (the app under test); the guarded delivery refuses it.
    const subscriptionId = await subscribe(hook);
    const signal = new AbortController().signal;
    const delivery = guardedDelivery(noDns);
    await expect(delivery.deliver({ subscriptionId, event: event() }, { attempt: 1, signal })).rejects.toThrow(WebhookDeliveryError);
    await expect(delivery.deliver({ subscriptionId, event: event() }, { attempt: 5, signal })).rejects.toThrow(/dead-lettered/);
    const log = await deliveries(subscriptionId);
    expect(log.map((entry) => entry.status).sort()).toEqual(['dead-lettered', 'failed']);
    for (const entry of log) expect(entry.error).toMatch(/^URL refused: must not point to a private address: 127\.0\.0\.1/);
    expect(hook.received).toEqual([]);
  });

  it('refuses a host name whose DNS answer turned private since the subscription was made', async () => {
    const response = await ctx.admin.inject({ method: 'POST', url: '/api/v1/webhooks', payload: { url: 'https://93.184.215.14/', events: ['user.created'] } });
    const subscriptionId: string = response.json().data.id;
    // Rewrite the stored URL to a name the test's DNS resolves to 10.0.0.5 (as a rebinding attacker would).
    await ctx.deps.database.db.update(webhookSubscriptions).set({ url: 'https://rebound.example.com/' }).where(eq(webhookSubscriptions.id, subscriptionId));
    const delivery = guardedDelivery(async () => [{ address: '10.0.0.5', family: 4 }]);
    await expect(delivery.deliver({ subscriptionId, event: event() }, { attempt: 1, signal: new AbortController().signal })).rejects.toThrow(
      /host rebound\.example\.com resolves to 10\.0\.0\.5/,
    );
  });

  it('connects only to the checked addresses: the host name is not resolved again (DNS rebinding)', async () => {
    const hook = await receiver();
    const port = new URL(hook.url).port;
    // "rebinding.invalid" resolves nowhere; the request still arrives, so it went to the pinned address.
    const result = await postJson(
      { url: new URL(`http://rebinding.invalid:${port}/hooks`), addresses: [{ address: '127.0.0.1', family: 4 }] },
      { headers: { 'content-type': 'application/json' }, body: '{}', signal: AbortSignal.timeout(2000) },
    );
    expect(result.statusCode).toBe(401); // unsigned: the receiver refuses it, but it did receive it
    expect(hook.received[0]?.headers.host).toBe(`rebinding.invalid:${port}`);
  });

  it("gives up at once when the job's signal fires (the worker stops), and logs why", async () => {
    const hook = await receiver({ delayMs: TIMEOUT_MS * 5 });
    const subscriptionId = await subscribe(hook);
    const stopping = new AbortController();
    setTimeout(() => stopping.abort(new Error('the worker shut down')), 50);
    const startedAt = Date.now();
    await expect(guardedDelivery(noDns, true).deliver({ subscriptionId, event: event() }, { attempt: 2, signal: stopping.signal })).rejects.toThrow(
      WebhookDeliveryError,
    );
    expect(Date.now() - startedAt).toBeLessThan(TIMEOUT_MS);
    const log = await deliveries(subscriptionId);
    expect(log.find((entry) => entry.attempt === 2)).toMatchObject({ status: 'failed', statusCode: null, error: 'aborted: the worker shut down' });
  });

  it('drops the delivery of a subscription deleted before the job ran', async () => {
    const delivery = guardedDelivery(noDns);
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(delivery.deliver({ subscriptionId: missing, event: event() }, { attempt: 1, signal: new AbortController().signal })).resolves.toBeUndefined();
  });
});
