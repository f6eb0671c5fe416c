import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport } from 'nodemailer';
import type { AppLogger } from '../logger.js';
import type { EmailMessage, EmailSender } from './email.js';

/**
 * Development transport (no SMTP_URL): nodemailer builds the very message SMTP would carry, and it is
 * written as an .eml file into the outbox folder, where any mail client opens it. The log gets one line
 * with the file's path and never the body, which may hold a password-reset link.
 */
export class OutboxEmailSender implements EmailSender {
  readonly kind = 'outbox';
  readonly dir: string;
  private readonly builder = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(
    dir: string,
    private readonly from: string,
    private readonly logger: AppLogger,
  ) {
    this.dir = resolve(dir);
  }

  async send(message: EmailMessage): Promise<void> {
    const built = await this.builder.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text, html: message.html });
    // Names sort by time; the random part keeps two messages of the same millisecond apart.
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
    const path = join(this.dir, name);
    await mkdir(this.dir, { recursive: true });
    // Written aside then renamed, so whoever watches the folder never reads half a message.
    await writeFile(`${path}.partial`, built.message);
    await rename(`${path}.partial`, path);
    this.logger.info({ event: 'email', transport: 'outbox', path, subject: message.subject }, 'email written to the outbox');
  }
}
