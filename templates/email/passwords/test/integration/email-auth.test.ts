import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { welcomeEmail } from '../../src/emails/welcome.js';
import { register } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { ownJobQueueEnv } from '../helpers/email-env.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';

// The password modes send through the same `email.send` job as everything else: the welcome email on
// registration (the `user.created` event) and the password-reset email.
const ctx = useTestApp({ env: { AUTH_RATE_LIMIT_MAX: '10000' } });
const POLL = { timeout: 15_000, interval: 20 };

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

const mailsTo = (address: string) => smtp.received.filter((email) => email.envelope.to.includes(address)).map((email) => email.mail);

describe('emails of the password modes, through the queue and SMTP', () => {
  it('registering sends the welcome email', async () => {
    const { app } = await ctx.build({ env: { SMTP_URL: smtp.url, ...ownJobQueueEnv() } });
    await register(app, 'newcomer@example.com', undefined, 'Newcomer');

    await vi.waitFor(() => expect(mailsTo('newcomer@example.com')).toHaveLength(1), POLL);
    const [mail] = mailsTo('newcomer@example.com');
    expect(mail?.subject).toBe(welcomeEmail({ email: 'newcomer@example.com', name: 'Newcomer' }).subject);
    expect(mail?.text).toContain('Hello Newcomer');
  });

  it('the password-reset email arrives through the job, and its link resets the password', async () => {
    const { app } = await ctx.build({ env: { SMTP_URL: smtp.url, ...ownJobQueueEnv() } });
    await register(app, 'forgetful@example.com');
    const forgot = await app.inject({ method: 'POST', url: '/api/v1/auth/password/forgot', payload: { email: 'forgetful@example.com' } });
    expect(forgot.statusCode).toBe(202);

    const resetMail = () => mailsTo('forgetful@example.com').find((mail) => mail.subject === 'Reset your password');
    await vi.waitFor(() => expect(resetMail()).toBeDefined(), POLL);
    const link = resetMail()?.text?.match(/https?:\/\/\S+/)?.[0] ?? '';
    const token = new URL(link).searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThan(40);

    const reset = await app.inject({ method: 'POST', url: '/api/v1/auth/password/reset', payload: { token, password: 'a brand new password' } });
    expect(reset.statusCode).toBe(204);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'forgetful@example.com', password: 'a brand new password' } });
    expect(login.statusCode).toBe(200);
  });
});
