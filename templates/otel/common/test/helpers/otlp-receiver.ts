import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/**
 * A loopback OTLP/HTTP receiver for tests: accepts what @opentelemetry/exporter-trace-otlp-http posts
 * (JSON, ids in hex) to /v1/traces and keeps the spans, flattened, with their resource's service name.
 */

const anyValue = z.object({
  stringValue: z.string().optional(),
  intValue: z.union([z.string(), z.number()]).optional(),
  doubleValue: z.number().optional(),
  boolValue: z.boolean().optional(),
});
const attributes = z.array(z.object({ key: z.string(), value: anyValue })).default([]);
const exportRequest = z.object({
  resourceSpans: z.array(
    z.object({
      resource: z.object({ attributes }).default({ attributes: [] }),
      scopeSpans: z.array(
        z.object({
          scope: z.object({ name: z.string() }),
          spans: z.array(
            z.object({ traceId: z.string(), spanId: z.string(), parentSpanId: z.string().optional(), name: z.string(), kind: z.number(), attributes }),
          ),
        }),
      ),
    }),
  ),
});

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  /** 1 internal, 2 server, 3 client (OTLP SpanKind). */
  kind: number;
  /** The instrumentation that made it, e.g. @opentelemetry/instrumentation-http. */
  scope: string;
  service: string | undefined;
  attributes: Record<string, string | number | boolean | undefined>;
}

export const SPAN_KIND_SERVER = 2;

function flatten(list: z.output<typeof attributes>): Record<string, string | number | boolean | undefined> {
  return Object.fromEntries(list.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.doubleValue ?? value.boolValue]));
}

export interface OtlpReceiver {
  /** What OTEL_EXPORTER_OTLP_ENDPOINT should be. */
  endpoint: string;
  spans: ReceivedSpan[];
  /** Every request that reached the receiver, whatever its path. */
  requests: string[];
  close(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      const parsed = req.url === '/v1/traces' ? exportRequest.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8'))) : undefined;
      if (!parsed?.success) {
        res.writeHead(400).end();
        return;
      }
      for (const { resource, scopeSpans } of parsed.data.resourceSpans) {
        const service = flatten(resource.attributes)['service.name'];
        for (const { scope, spans: list } of scopeSpans) {
          for (const span of list) {
            spans.push({ ...span, parentSpanId: span.parentSpanId || undefined, scope: scope.name, service: service === undefined ? undefined : String(service), attributes: flatten(span.attributes) });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
