import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { welcomeEmailSubscriber } from '../../src/app/welcome-email.subscriber.js';
import { welcomeEmail } from '../../src/emails/welcome.js';
import type { DomainEvent } from '../../src/lib/events.js';
import { sendEmailSpec } from '../../src/lib/email/queued.js';
import { useTestApp } from '../helpers/app.js';
import { asAdmin } from '../helpers/auth.js';
import { ownJobQueueEnv } from '../helpers/email-env.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';

// Every email goes out as an `email.send` job: enqueued by the request, delivered by the job's handler
// through SMTP (a real server on loopback here), retried by the queue, dead-lettered at the end.
const ctx = useTestApp();
const POLL = { timeout: 15_000, interval: 20 };
const FROM = 'Acme <no-reply@acme.example>';

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

const deliveredTo = (server: TestSmtpServer, address: string) => server.received.filter((email) => email.envelope.to.includes(address));

describe('welcome email', () => {
  it('a user created through POST /users gets one, from MAIL_FROM, delivered by the job', async () => {
    const built = await ctx.build({ env: { SMTP_URL: smtp.url, MAIL_FROM: FROM, ...ownJobQueueEnv() } });
    const created = await asAdmin(built).inject({ method: 'POST', url: '/api/v1/users', payload: { email: 'Grace@Example.com', name: 'Grace' } });
    expect(created.statusCode).toBe(201);

    await vi.waitFor(() => expect(deliveredTo(smtp, 'grace@example.com')).toHaveLength(1), POLL);
    const [{ mail }] = deliveredTo(smtp, 'grace@example.com') as [(typeof smtp.received)[number]];
    const expected = welcomeEmail({ email: 'grace@example.com', name: 'Grace' });
    expect(mail.from?.value).toEqual([{ address: 'no-reply@acme.example', name: 'Acme' }]);
    expect(mail.subject).toBe(expected.subject);
    expect(mail.text?.trim()).toBe(expected.text.trim());
    expect(mail.text).toContain('Hello Grace');
    // Delivered means done: nothing is left in the queue.
    await vi.waitFor(async () => expect(await built.deps.jobs.depth()).toMatchObject({ waiting: 0, active: 0, delayed: 0 }), POLL);
  });

  it('one event handled twice queues one email: the event id is the idempotency key', async () => {
    const built = await ctx.build({ env: { SMTP_URL: smtp.url, ...ownJobQueueEnv() } });
    const user = { id: randomUUID(), email: 'twice@example.com', name: 'Twice', role: 'user', status: 'active', createdAt: '', updatedAt: '' } as const;
    const event: DomainEvent<'user.created'> = { id: randomUUID(), type: 'user.created', occurredAt: new Date().toISOString(), data: { user } };
    // A redelivered event: both arrive while the first email is still queued.
    await Promise.all([welcomeEmailSubscriber.handle(event, built.deps), welcomeEmailSubscriber.handle(event, built.deps)]);

    await vi.waitFor(() => expect(deliveredTo(smtp, 'twice@example.com')).toHaveLength(1), POLL);
    await vi.waitFor(async () => expect(await built.deps.jobs.depth()).toMatchObject({ waiting: 0, active: 0, delayed: 0 }), POLL);
    expect(deliveredTo(smtp, 'twice@example.com')).toHaveLength(1);
  });
});

describe('a transport that keeps failing', () => {
  it('is retried `attempts` times with backoff, then the email waits in the dead-letter queue', async () => {
    const refusing = await startSmtpServer({ refuse: true });
    try {
      // Retry delays shrunk 10 000 times: 6, 12, 24, 48 ms instead of 1, 2, 4, 8 minutes.
      const built = await ctx.build({ env: { SMTP_URL: refusing.url, JOBS_BACKOFF_SCALE: '0.0001', ...ownJobQueueEnv() } });
      const created = await asAdmin(built).inject({ method: 'POST', url: '/api/v1/users', payload: { email: 'unlucky@example.com', name: 'Unlucky' } });
      expect(created.statusCode).toBe(201);

      const deadFor = async () => (await built.deps.jobs.deadLetters()).filter((dead) => dead.name === sendEmailSpec.name);
      await vi.waitFor(async () => expect(await deadFor()).toHaveLength(1), POLL);
      expect(refusing.refused).toBe(sendEmailSpec.attempts);
      const [dead] = await deadFor();
      expect(dead).toMatchObject({ attempts: sendEmailSpec.attempts, data: welcomeEmail({ email: 'unlucky@example.com', name: 'Unlucky' }) });
      expect(dead?.error).toMatch(/451/);
      expect(await built.deps.jobs.depth()).toMatchObject({ waiting: 0, active: 0, delayed: 0 });
    } finally {
      await refusing.close();
    }
  });
});
