import { plugins } from '../../src/plugins/index.js';
import type { AppInstance, AppPlugin } from '../../src/types/app.js';

/**
 * What an app serves against what its OpenAPI document says it serves. Served routes are collected
 * with Fastify's onRoute hook, which must be on the instance before any route is added: the recorder
 * goes first in the `plugins` extension point for the one build that needs it, then leaves.
 */

export interface ServedRoute {
  method: string;
  /** Fastify's form: `/api/v1/users/:id`. */
  url: string;
}

export async function recordServedRoutes<T extends { app: AppInstance }>(build: () => Promise<T>): Promise<T & { served: ServedRoute[] }> {
  const served: ServedRoute[] = [];
  const recorder: AppPlugin = {
    name: 'served-routes-recorder',
    register(app) {
      app.addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) served.push({ method, url: route.url });
      });
    },
  };
  plugins.unshift(recorder);
  try {
    // The hook stays on the built instance, so routes a test adds before ready() are recorded too.
    return { ...(await build()), served };
  } finally {
    // Test files share modules (isolate: false): no other build may see the recorder.
    plugins.splice(plugins.indexOf(recorder), 1);
  }
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** `GET /api/v1/users/:id` for every operation of the document (its `{id}` written the Fastify way). */
export function documentedOperations(document: { paths?: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => HTTP_METHODS.has(method))
      .map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
  );
}

export interface RouteParity {
  /** Served, not documented, not excused. */
  undocumented: string[];
  /** Documented, not served. */
  unserved: string[];
}

/**
 * Compares both sides. `excused` lists served routes that are rightly absent from the document; a
 * HEAD route goes with its GET twin (Fastify adds one to every GET).
 */
export function compareRoutes(served: ServedRoute[], documented: string[], excused: ReadonlySet<string>): RouteParity {
  // A plugin's '/' route answers on its prefix with and without the slash (`/docs`, `/docs/`): one route.
  const servedKeys = new Set(served.map(({ method, url }) => `${method} ${url.length > 1 ? url.replace(/\/$/, '') : url}`));
  const documentedKeys = new Set(documented);
  const accounted = (key: string) => documentedKeys.has(key) || excused.has(key);
  const undocumented = [...servedKeys].filter(
    (key) => !accounted(key) && !(key.startsWith('HEAD ') && servedKeys.has(key.replace(/^HEAD /, 'GET ')) && accounted(key.replace(/^HEAD /, 'GET '))),
  );
  const unserved = [...documentedKeys].filter((key) => !servedKeys.has(key));
  return { undocumented: undocumented.sort(), unserved: unserved.sort() };
}
