import type { FeatureManifest } from './types.js';

/**
 * Email. The port (`templates/email/port`: EmailMessage, EmailSender) is shared by two mutually
 * exclusive variants that each ship `src/lib/email/index.ts`:
 * - `email` (`--features email`): SMTP through nodemailer, a development outbox folder of .eml files,
 *   every message sent as a retried `email.send` job, and a welcome email on `user.created`;
 * - `email-log`: the password modes (jwt, session) without that feature still send reset emails, to
 *   the log (a development transport).
 */

const passwordModes = { option: 'auth', oneOf: ['jwt', 'session'] } as const;

export const emailFeature: FeatureManifest = {
  id: 'email',
  summary: 'Email (SMTP via nodemailer, dev outbox, sent as jobs)',
  selectedWhen: { option: 'features', includes: 'email' },
  requires: ['core', 'jobs'],
  dependencies: ['nodemailer'],
  // nodemailer ships its own types; the test SMTP server and the parser of what it receives need theirs.
  devDependencies: ['@types/mailparser', '@types/smtp-server', 'mailparser', 'smtp-server'],
  env: [
    {
      name: 'SMTP_URL',
      schema: 'optionalUrl(/^smtps?$/)',
      example: '',
      description:
        'SMTP server that delivers email: smtp://user:pass@host:587 (STARTTLS when the server offers it) or\nsmtps://user:pass@host:465 (TLS from the start); percent-encode special characters of the password.\nRequired in production. Empty: each email is written as an .eml file into EMAIL_OUTBOX_DIR instead.',
      requiredInProduction: true,
    },
    {
      name: 'MAIL_FROM',
      schema: "z.string().trim().pipe(z.union([z.literal(''), z.string().max(320).regex(/^(?:[^<>]*<[^\\s<>@]+@[^\\s<>@]+>|[^\\s<>@]+@[^\\s<>@]+)$/, 'must be an address, or Name <address>')])).optional().transform((value) => value || undefined)",
      example: '',
      description: 'Sender of every email: an address or "Name <address>", e.g. "Acme <no-reply@acme.example>".\nRequired in production (pick one your SMTP server may send as). Empty: no-reply@localhost.',
      requiredInProduction: true,
    },
    {
      name: 'EMAIL_OUTBOX_DIR',
      schema: "z.string().trim().min(1).default('.data/outbox')",
      example: '.data/outbox',
      description: 'Without SMTP_URL (development, tests): the folder that receives each email as an .eml file (open it\nwith any mail client). Relative paths start at the working directory.',
    },
  ],
  templates: ['email/port', 'email/delivery'],
  registrations: [
    { point: 'jobs', symbol: 'sendEmailJob', from: 'src/jobs/send-email.job.ts' },
    { point: 'eventSubscribers', symbol: 'welcomeEmailSubscriber', from: 'src/app/welcome-email.subscriber.ts' },
  ],
};

/** Tests of what the password modes send through the email feature (the reset and welcome emails). */
export const emailPasswordsFeature: FeatureManifest = {
  id: 'email-passwords',
  summary: 'Password-mode emails through the email feature',
  selectedWhen: { allOf: [passwordModes, { option: 'features', includes: 'email' }] },
  requires: ['email', 'auth-passwords'],
  templates: ['email/passwords'],
};

/** Password modes without the email feature: reset emails go to the log (development transport). */
export const emailLogFeature: FeatureManifest = {
  id: 'email-log',
  summary: 'Email to the log (development transport)',
  selectedWhen: { allOf: [passwordModes, { option: 'features', excludes: 'email' }] },
  requires: ['core'],
  templates: ['email/port', 'email/log'],
};
