import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/**
 * A loopback stand-in for Sentry's ingest: the SDK posts each envelope to /api/<project>/envelope/
 * of the DSN's host. An envelope is newline-delimited: a header, then per item a header and its payload
 * (`length` bytes long when the item header says so, else up to the next newline).
 */

export interface EnvelopeItem {
  type: string;
  payload: unknown;
}

export interface Envelope {
  path: string;
  /** The request as it arrived, decompressed: what a test searches for secrets. */
  raw: string;
  items: EnvelopeItem[];
}

/** The part of an event the tests read. */
export interface ReceivedEvent {
  level?: string;
  tags?: Record<string, string>;
  user?: Record<string, unknown>;
  request?: Record<string, unknown>;
  transaction?: string;
  environment?: string;
  release?: string;
  exception?: { values?: { type?: string; value?: string; mechanism?: { type?: string; handled?: boolean } }[] };
}

export interface SentryReceiver {
  /** A DSN that points the SDK at this receiver (project 1). */
  dsn: string;
  envelopes: Envelope[];
  /** The error events received so far (client reports and other item types left out). */
  events(): ReceivedEvent[];
  close(): Promise<void>;
}

export async function startSentryReceiver(): Promise<SentryReceiver> {
  const envelopes: Envelope[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const raw = body.toString('utf8');
      envelopes.push({ path: request.url ?? '', raw, items: parseEnvelope(body) });
      // Answered only once recorded: when Sentry.flush() resolves, the envelope is in `envelopes`.
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    dsn: `http://public@127.0.0.1:${port}/1`,
    envelopes,
    events: () =>
      envelopes.flatMap((envelope) => envelope.items.filter((item) => item.type === 'event').map((item) => item.payload as ReceivedEvent)),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  return request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
}

function parseEnvelope(body: Buffer): EnvelopeItem[] {
  const items: EnvelopeItem[] = [];
  let offset = nextLine(body, 0).next; // the envelope header
  while (offset < body.length) {
    const header = nextLine(body, offset);
    if (header.text.trim() === '') {
      offset = header.next;
      continue;
    }
    const itemHeader = JSON.parse(header.text) as { type: string; length?: number };
    let payloadText: string;
    if (itemHeader.length !== undefined) {
      payloadText = body.subarray(header.next, header.next + itemHeader.length).toString('utf8');
      offset = header.next + itemHeader.length + 1;
    } else {
      const line = nextLine(body, header.next);
      payloadText = line.text;
      offset = line.next;
    }
    items.push({ type: itemHeader.type, payload: JSON.parse(payloadText) as unknown });
  }
  return items;
}

function nextLine(body: Buffer, from: number): { text: string; next: number } {
  const end = body.indexOf(0x0a, from);
  const stop = end === -1 ? body.length : end;
  return { text: body.subarray(from, stop).toString('utf8'), next: stop + 1 };
}
