import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Label of every request that matched no route (404s): one series, whatever URLs were tried. */
export const UNMATCHED_ROUTE = 'unmatched';

// A method outside this list (a client may send any token) is counted as OTHER, so labels stay bounded.
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

// Seconds; from a cached read (a few ms) to a slow request near the usual 10 s proxy timeout.
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type HttpLabel = 'method' | 'route' | 'status_code';

let processRegistry: Registry | undefined;

/**
 * prom-client's default metrics (event-loop lag, heap, GC, CPU, file descriptors) describe the process,
 * not one app: they are created once however many apps the process builds (tests build many), and each
 * app's scrape appends them to its own figures.
 */
function processMetrics(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * One app's metrics: the HTTP figures observed here, and whatever collectors (cache, pool, queue) are
 * registered on `registry`, read at scrape time.
 */
export class AppMetrics {
  readonly registry = new Registry();
  readonly contentType = this.registry.contentType;
  private readonly requests: Counter<HttpLabel>;
  private readonly duration: Histogram<HttpLabel>;

  constructor() {
    const labelNames: HttpLabel[] = ['method', 'route', 'status_code'];
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route template and status code',
      labelNames,
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving a request to sending its response, by method, route template and status code',
      labelNames,
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
  }

  /** `route` is the route's template (`/api/v1/users/:id`), never the URL; undefined when nothing matched. */
  observeRequest(method: string, route: string | undefined, statusCode: number, seconds: number): void {
    const labels = { method: METHODS.has(method) ? method : 'OTHER', route: route ?? UNMATCHED_ROUTE, status_code: String(statusCode) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }

  /** The Prometheus text exposition of this app and of the process. */
  async render(): Promise<string> {
    const [app, process] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return `${app}\n${process}`;
  }
}
