import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmailSender } from '../../src/lib/email/index.js';
import { OutboxEmailSender } from '../../src/lib/email/outbox.js';
import { SmtpEmailSender } from '../../src/lib/email/smtp.js';
import { emailProductionEnv } from '../helpers/email-env.js';
import { envIssues, productionEnv, testEnv } from '../helpers/env.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.js';
import { captureLogs } from '../helpers/log-capture.js';

const message = {
  to: 'ada@example.com',
  subject: 'Grüße — your report',
  text: 'Hello Ada,\n\nthe link: https://app.example.com/reports/1?token=secret-token-123\n',
  html: '<p>Hello Ada,</p><p><a href="https://app.example.com/reports/1">the report</a></p>',
};

describe('SMTP transport, against a real SMTP server on loopback', () => {
  let server: TestSmtpServer;
  beforeAll(async () => {
    server = await startSmtpServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('logs in with the credentials of SMTP_URL and delivers from, to, subject, text and html', async () => {
    const before = server.received.length;
    await new SmtpEmailSender(server.url, 'Acme <no-reply@acme.example>').send(message);

    const [delivered] = server.received.slice(before);
    expect(delivered?.user).toBe('mailer');
    expect(delivered?.envelope).toEqual({ from: 'no-reply@acme.example', to: ['ada@example.com'] });
    const mail = delivered?.mail;
    expect(mail?.from?.value).toEqual([{ address: 'no-reply@acme.example', name: 'Acme' }]);
    expect(mail?.to).toMatchObject({ value: [{ address: 'ada@example.com' }] });
    expect(mail?.subject).toBe(message.subject);
    expect(mail?.text?.trim()).toBe(message.text.trim());
    expect(mail?.html).toContain('<a href="https://app.example.com/reports/1">the report</a>');
  });

  it('fails when the server refuses the login, so the job is retried', async () => {
    const wrongPassword = server.url.replace(/:[^:@]+@/, ':wrong@');
    await expect(new SmtpEmailSender(wrongPassword, 'no-reply@acme.example').send(message)).rejects.toThrow(/Invalid login|Invalid username/i);
  });

  it('fails when the server refuses the message (451) or cannot be reached', async () => {
    const refusing = await startSmtpServer({ refuse: true });
    try {
      await expect(new SmtpEmailSender(refusing.url, 'no-reply@acme.example').send(message)).rejects.toThrow(/451/);
      expect(refusing.refused).toBe(1);
    } finally {
      await refusing.close();
    }
    await expect(new SmtpEmailSender('smtp://127.0.0.1:1', 'no-reply@acme.example').send(message)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('outbox transport (no SMTP_URL)', () => {
  const dirs: string[] = [];
  const freshDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'outbox-test-'));
    dirs.push(dir);
    return join(dir, 'nested', 'outbox');
  };
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('writes each message as an .eml file a mail client can parse, and logs its path but not its body', async () => {
    const dir = await freshDir();
    const { lines, logger } = captureLogs();
    const outbox = new OutboxEmailSender(dir, 'Acme <no-reply@acme.example>', logger);
    await outbox.send(message);
    await outbox.send({ ...message, to: 'bob@example.com', html: undefined });

    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(2);
    for (const file of files) expect(file).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z-[0-9a-f]{8}\.eml$/);
    const mails = await Promise.all(files.map(async (file) => simpleParser(await readFile(join(dir, file)))));
    expect(mails.map((mail) => mail.to)).toMatchObject([{ value: [{ address: 'ada@example.com' }] }, { value: [{ address: 'bob@example.com' }] }]);
    expect(mails[0]?.from?.value).toEqual([{ address: 'no-reply@acme.example', name: 'Acme' }]);
    expect(mails[0]?.subject).toBe(message.subject);
    expect(mails[0]?.text?.trim()).toBe(message.text.trim());
    expect(mails[0]?.html).toContain('the report');
    expect(mails[1]?.html).toBe(false);

    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ level: 'info', event: 'email', transport: 'outbox', path: join(dir, files[0] ?? ''), subject: message.subject });
    expect(lines.join('\n')).not.toContain('secret-token-123');
  });

  it('is what createEmailSender picks without SMTP_URL; SMTP when it is set', async () => {
    const dir = await freshDir();
    const { logger } = captureLogs();
    const outbox = createEmailSender(testEnv({ EMAIL_OUTBOX_DIR: dir }), logger);
    expect(outbox).toBeInstanceOf(OutboxEmailSender);
    await outbox.send(message);
    expect(await readdir(dir)).toHaveLength(1);
    expect(createEmailSender(testEnv({ SMTP_URL: 'smtps://user:pass@smtp.example.com:465' }), logger).kind).toBe('smtp');
  });
});

describe('email settings', () => {
  const production = () => ({ ...productionEnv(), ...emailProductionEnv() });

  it('production refuses to start without SMTP_URL or MAIL_FROM (no outbox in production)', () => {
    expect(envIssues(production())).toEqual([]);
    const { SMTP_URL: _url, ...withoutUrl } = production();
    expect(envIssues(withoutUrl).map((issue) => issue.variable)).toEqual(['SMTP_URL']);
    const { MAIL_FROM: _from, ...withoutFrom } = production();
    expect(envIssues(withoutFrom).map((issue) => issue.variable)).toEqual(['MAIL_FROM']);
  });

  it('accepts smtp:// and smtps:// URLs and a sender address with or without a name', () => {
    expect(envIssues({ ...production(), SMTP_URL: 'http://smtp.example.com' }).map((issue) => issue.variable)).toEqual(['SMTP_URL']);
    expect(envIssues({ ...production(), SMTP_URL: 'smtps://u:p@smtp.example.com:465' })).toEqual([]);
    expect(envIssues({ ...production(), MAIL_FROM: 'no-reply@acme.example' })).toEqual([]);
    expect(envIssues({ ...production(), MAIL_FROM: 'not an address' }).map((issue) => issue.variable)).toEqual(['MAIL_FROM']);
  });
});
