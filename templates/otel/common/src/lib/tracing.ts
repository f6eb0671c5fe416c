import { readFileSync } from 'node:fs';
import type { ShutdownHook } from '../types/app.js';

/**
 * Tracing on or off, decided from the standard OpenTelemetry variables (read by src/instrumentation.ts
 * before the app's own configuration exists), and the running SDK's flush for graceful shutdown. This
 * module stays light: the SDK itself lives in tracing-sdk.ts and is only imported when tracing is on.
 */

export interface TracingSettings {
  serviceName: string;
  serviceVersion: string;
}

interface PackageInfo {
  name?: string;
  version?: string;
}

// package.json sits two levels up from both src/lib and dist/lib.
function packageInfo(): PackageInfo {
  try {
    return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageInfo;
  } catch {
    return {};
  }
}

const present = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** undefined (off) unless an OTLP endpoint is set and OTEL_SDK_DISABLED is not `true`. */
export function tracingSettings(source: Readonly<Record<string, string | undefined>>): TracingSettings | undefined {
  if (present(source.OTEL_SDK_DISABLED)?.toLowerCase() === 'true') return undefined;
  if (!present(source.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && !present(source.OTEL_EXPORTER_OTLP_ENDPOINT)) return undefined;
  const info = packageInfo();
  return {
    serviceName: present(source.OTEL_SERVICE_NAME) ?? info.name ?? 'app',
    serviceVersion: info.version ?? '0.0.0',
  };
}

/** Flushes the spans still buffered and stops exporting. */
type Flush = () => Promise<void>;

let flush: Flush | undefined;

/** Called by tracing-sdk.ts once the SDK runs (the module instance is shared with the app's). */
export function setTracingFlush(next: Flush): void {
  flush = next;
}

export function tracingEnabled(): boolean {
  return flush !== undefined;
}

/** After the HTTP server drained, so the spans of the last requests are exported before the process exits. */
export const flushTracing: ShutdownHook = {
  name: 'tracing',
  async run() {
    const current = flush;
    flush = undefined;
    await current?.();
  },
};
