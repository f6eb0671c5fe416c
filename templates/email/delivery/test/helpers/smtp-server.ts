import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/**
 * A real SMTP server on loopback for the tests, started on a free port. It requires the credentials of
 * `url` (over plain text: loopback only) and parses every message it accepts. `refuse` makes it answer
 * every message with a temporary failure (451), as a server that is overloaded or greylisting would.
 */

export interface ReceivedEmail {
  /** The SMTP envelope: who the server was told the message is from and for. */
  envelope: { from: string; to: string[] };
  /** The user that logged in. */
  user: string;
  mail: ParsedMail;
}

export interface TestSmtpServer {
  /** smtp://user:pass@127.0.0.1:<port>, ready for SMTP_URL. */
  url: string;
  received: ReceivedEmail[];
  /** How many messages it refused (with `refuse`). */
  refused: number;
  close(): Promise<void>;
}

const USER = 'mailer';
const PASSWORD = 'p@ss word';

export async function startSmtpServer(options: { refuse?: boolean } = {}): Promise<TestSmtpServer> {
  const received: ReceivedEmail[] = [];
  const state = { refused: 0 };
  const address = (value: SMTPServerAddress | false) => (value === false ? '' : value.address);

  const server = new SMTPServer({
    logger: false,
    // Loopback only: no TLS, so login over plain text must be allowed.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      if (options.refuse) {
        stream.resume();
        stream.on('end', () => {
          state.refused += 1;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        });
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          received.push({
            envelope: { from: address(session.envelope.mailFrom), to: session.envelope.rcptTo.map((rcpt) => rcpt.address) },
            user: String(session.user),
            mail,
          });
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`,
    received,
    get refused() {
      return state.refused;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
