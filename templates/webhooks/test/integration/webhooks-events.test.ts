import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../src/lib/events.js';
import { useTestApp } from '../helpers/app.js';
import { createUser } from '../helpers/users.js';
import { startReceiver, waitUntil, type ReceiverOptions, type WebhookReceiver } from '../helpers/webhook-receiver.js';

// Receivers listen on 127.0.0.1, which the SSRF guard refuses unless told otherwise.
const ctx = useTestApp({ env: { WEBHOOK_ALLOW_PRIVATE_URLS: 'true' } });

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function subscribedReceiver(events: string[], options: ReceiverOptions = {}): Promise<WebhookReceiver> {
  const receiver = await startReceiver(options);
  receivers.push(receiver);
  const response = await ctx.admin.inject({ method: 'POST', url: '/api/v1/webhooks', payload: { url: receiver.url, events } });
  expect(response.statusCode, response.body).toBe(201);
  receiver.secret = response.json().data.secret;
  return receiver;
}

const eventsOf = (receiver: WebhookReceiver) => receiver.received.map((delivery) => JSON.parse(delivery.body) as DomainEvent);

describe('domain events → webhooks', () => {
  it('user.created, user.updated and user.deleted each go only to the subscriptions of that event', async () => {
    const created = await subscribedReceiver(['user.created']);
    const updated = await subscribedReceiver(['user.updated']);
    const deleted = await subscribedReceiver(['user.deleted']);
    const all = await subscribedReceiver(['user.created', 'user.updated', 'user.deleted']);

    const ada = await createUser(ctx.admin, { email: 'ada@example.com', name: 'Ada' });
    const renamed = await ctx.admin.inject({ method: 'PATCH', url: `/api/v1/users/${ada.id}`, payload: { name: 'Ada L.' } });
    expect(renamed.statusCode).toBe(200);
    expect((await ctx.admin.inject({ method: 'DELETE', url: `/api/v1/users/${ada.id}` })).statusCode).toBe(204);

    await waitUntil(() => all.received.length === 3 && created.received.length + updated.received.length + deleted.received.length === 3, 'every delivery');
    for (const receiver of [created, updated, deleted, all]) {
      expect(receiver.received.every((delivery) => delivery.verified)).toBe(true);
    }
    expect(eventsOf(created).map((event) => event.type)).toEqual(['user.created']);
    expect(eventsOf(updated).map((event) => event.type)).toEqual(['user.updated']);
    expect(eventsOf(deleted).map((event) => event.type)).toEqual(['user.deleted']);
    expect(eventsOf(all).map((event) => event.type).sort()).toEqual(['user.created', 'user.deleted', 'user.updated']);

    // Each event carries the data of its moment, although the user was renamed and deleted since.
    expect(eventsOf(created)[0]?.data).toEqual({ user: ada });
    expect(eventsOf(updated)[0]?.data).toEqual({ user: renamed.json().data });
    expect(eventsOf(deleted)[0]?.data).toEqual({ user: { id: ada.id } });
    // One event, one id, whichever subscription receives it.
    const createdId = eventsOf(created)[0]?.id;
    expect(eventsOf(all).find((event) => event.type === 'user.created')?.id).toBe(createdId);
    expect(created.received[0]?.headers['x-webhook-id']).toBe(createdId);
  });

  it('an event nobody subscribed to enqueues nothing', async () => {
    const deleted = await subscribedReceiver(['user.deleted']);
    await createUser(ctx.admin, { email: 'bob@example.com', name: 'Bob' });
    // Long enough for an unwanted delivery to arrive in-process.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(deleted.received).toEqual([]);
    expect(await ctx.deps.webhooks.dispatch.dispatch({ id: randomUUID(), type: 'user.updated', occurredAt: new Date().toISOString(), data: { user: { id: randomUUID(), email: 'x@example.com', name: 'X', role: 'user', status: 'active', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() } } })).toBe(0);
  });

  it('the same event published again while its delivery is pending is delivered once (idempotency key)', async () => {
    // The receiver answers slowly, so the first delivery is still pending when the event comes again.
    const receiver = await subscribedReceiver(['user.deleted'], { delayMs: 300 });
    const event: DomainEvent = { id: randomUUID(), type: 'user.deleted', occurredAt: new Date().toISOString(), data: { user: { id: randomUUID() } } };
    expect(await ctx.deps.webhooks.dispatch.dispatch(event)).toBe(1);
    expect(await ctx.deps.webhooks.dispatch.dispatch(event)).toBe(1);
    await waitUntil(() => receiver.received.length > 0, 'the delivery');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(receiver.received).toHaveLength(1);
  });
});
