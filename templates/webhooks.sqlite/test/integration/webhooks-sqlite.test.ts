import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/testing.js';
import type { DomainEventType } from '../../src/lib/events.js';
import { DrizzleWebhooksRepository } from '../../src/repositories/webhooks.repository.js';
import { testEnv } from '../helpers/env.js';

/**
 * SQLite only: the events column is JSON text instead of PostgreSQL's text[], so the CHECKs that keep it
 * an array of 1 to 32 strings, and the json_each() lookup of an event's subscribers, are tested here.
 */

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase(testEnv());
});

afterAll(async () => {
  await testDb.dispose();
});

beforeEach(async () => {
  await testDb.reset();
});

/** Inserts with the events column as given, past Drizzle's JSON.stringify. */
function insertRaw(events: string, { url = 'https://hooks.example.com/', secret = 'v1.abc' } = {}): Promise<unknown> {
  return testDb.database.rawTransaction((tx) =>
    tx.query('INSERT INTO webhook_subscriptions (id, url, events, secret_ciphertext, created_at) VALUES (?, ?, ?, ?, ?)', [
      randomUUID(),
      url,
      events,
      secret,
      Date.now(),
    ]),
  );
}

const names = (count: number) => JSON.stringify(Array.from({ length: count }, (_, i) => `order.event_${i}`));

describe('webhook_subscriptions constraints (SQLite)', () => {
  it.each(['["user.created"]', '["user.created","user.deleted"]', '["a:b","x-y_z.1","a,b"]', names(32)])('accepts %s', async (events) => {
    await expect(insertRaw(events)).resolves.toBeDefined();
  });

  it.each(['[]', names(33), '"user.created"', '{"user.created":true}', 'user.created', '[user.created]'])(
    'refuses %s: not an array of 1 to 32 elements',
    async (events) => {
      await expect(insertRaw(events)).rejects.toThrow(/CHECK constraint failed: webhook_subscriptions_events_(count|strings)/);
    },
  );

  it.each(['["a",1]', '["a",null]', '["a",true]', '[["a"]]', '["a",{"b":"c"}]', '[""]', '["a",""]', '["a", "b"]', '["a\\"b"]', '["a\\u0062"]', '["é"]'])(
    'refuses %s: an element that is not a non-empty string of name characters',
    async (events) => {
      await expect(insertRaw(events)).rejects.toThrow(/CHECK constraint failed: webhook_subscriptions_events_strings/);
    },
  );

  it('holds the url and secret formats like the regular expressions of PostgreSQL', async () => {
    await expect(insertRaw('["a"]', { url: 'http://hooks.example.com/' })).resolves.toBeDefined();
    for (const url of ['ftp://hooks.example.com/', 'HTTPS://hooks.example.com/', ' https://hooks.example.com/', `https://${'a'.repeat(2041)}`]) {
      await expect(insertRaw('["a"]', { url })).rejects.toThrow(/webhook_subscriptions_url_(http|length)/);
    }
    for (const secret of ['v2.abc', 'v1abc', 'V1.abc']) {
      await expect(insertRaw('["a"]', { secret })).rejects.toThrow(/webhook_subscriptions_secret_format/);
    }
  });
});

describe('subscribedTo (SQLite)', () => {
  it('finds the subscriptions whose array holds the event, and only those', async () => {
    const repository = new DrizzleWebhooksRepository(testDb.database.db);
    const create = (events: DomainEventType[]) =>
      repository.create({ id: randomUUID(), url: 'https://hooks.example.com/', events, secretCiphertext: 'v1.abc', createdAt: new Date() });
    const created = await create(['user.created']);
    const both = await create(['user.deleted', 'user.created']);
    await create(['user.updated']);
    // A name that only starts like the event: matched as a whole element, not as text.
    await insertRaw('["user.created.v2","user.create"]');

    expect((await repository.subscribedTo('user.created')).sort()).toEqual([created.id, both.id].sort());
    expect(await repository.subscribedTo('user.deleted')).toEqual([both.id]);
    expect(both.events).toEqual(['user.deleted', 'user.created']);
    expect((await repository.findById(both.id))?.events).toEqual(['user.deleted', 'user.created']);
  });
});
