import { createTransport, type Transporter } from 'nodemailer';
import type { EmailMessage, EmailSender } from './email.js';

/**
 * Delivers through an SMTP server (SMTP_URL). One connection per message: sending runs in jobs, and a
 * short-lived connection cannot go stale between them. The timeouts stay well below the `email.send`
 * job's timeout, so a server that hangs fails this attempt cleanly and the queue retries it.
 */
export class SmtpEmailSender implements EmailSender {
  readonly kind = 'smtp';
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  }

  async send(message: EmailMessage): Promise<void> {
    // Throws when the server refuses the message or a recipient: the job fails and is retried.
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text, html: message.html });
  }
}
