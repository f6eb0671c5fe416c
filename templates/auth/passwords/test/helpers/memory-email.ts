import type { EmailMessage, EmailSender } from '../../src/lib/email/index.js';

/** An EmailSender that keeps every message in memory, so tests can read what was "sent". */
export class MemoryEmailSender implements EmailSender {
  readonly kind = 'memory';
  readonly sent: EmailMessage[] = [];

  async send(message: EmailMessage): Promise<void> {
    this.sent.push(message);
  }

  /** The `token` query parameter of the link in the last message to `to`, if any. */
  lastResetToken(to: string): string | undefined {
    const message = this.sent.filter((m) => m.to === to).at(-1);
    const link = message?.text.match(/https?:\/\/\S+/)?.[0];
    return link === undefined ? undefined : (new URL(link).searchParams.get('token') ?? undefined);
  }
}
