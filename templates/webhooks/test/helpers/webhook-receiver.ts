import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from './verify-webhook.js';

/**
 * A real webhook receiver on 127.0.0.1 for tests: it checks every delivery with the verification code
 * from docs/webhooks.md and answers with the statuses it is told to, so tests see retries arrive.
 */

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  /** verifyWebhook's verdict, with the receiver's secret, at arrival. */
  verified: boolean;
  receivedAt: number;
}

export interface ReceiverOptions {
  /** Statuses answered in turn, the last one repeated; default: always 200. */
  statuses?: number[];
  /** Answer this late (the timeout test). */
  delayMs?: number;
  /** Extra response headers (a redirect's location, say). */
  headers?: Record<string, string>;
}

export interface WebhookReceiver {
  url: string;
  /** The subscription's secret, once it is created; deliveries are verified with it. */
  secret: string;
  readonly received: ReceivedDelivery[];
  close(): Promise<void>;
}

export async function startReceiver(options: ReceiverOptions = {}): Promise<WebhookReceiver> {
  const statuses = options.statuses ?? [200];
  const received: ReceivedDelivery[] = [];
  const receiver: WebhookReceiver = { url: '', secret: '', received, close: async () => {} };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const verified = verifyWebhook(receiver.secret, request.headers, rawBody);
      received.push({ headers: request.headers, body: rawBody.toString('utf8'), verified, receivedAt: Date.now() });
      const status = verified ? (statuses[Math.min(received.length, statuses.length) - 1] ?? 200) : 401;
      const answer = () => response.writeHead(status, options.headers).end();
      if (options.delayMs === undefined) answer();
      else setTimeout(answer, options.delayMs).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = `http://127.0.0.1:${port}/hooks/solid`;
  receiver.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return receiver;
}

type Falsy = false | null | undefined | 0 | '';

/** Polls `probe` until it returns a truthy value (returned), or fails after `timeoutMs`. */
export async function waitUntil<T>(probe: () => T | Falsy | Promise<T | Falsy>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
