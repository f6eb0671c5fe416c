import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flushTracing, setTracingFlush, tracingEnabled, tracingSettings } from '../../src/lib/tracing.js';

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };

describe('tracingSettings: on only with an OTLP endpoint', () => {
  it('is off with no endpoint, an empty one, or OTEL_SDK_DISABLED=true', () => {
    expect(tracingSettings({})).toBeUndefined();
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '  ' })).toBeUndefined();
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'TRUE' })).toBeUndefined();
  });

  it('is on with either endpoint; the service is named after package.json unless OTEL_SERVICE_NAME says otherwise', () => {
    const named = { serviceName: packageJson.name, serviceVersion: packageJson.version };
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toEqual(named);
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces', OTEL_SERVICE_NAME: '' })).toEqual(named);
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SERVICE_NAME: ' billing ' })?.serviceName).toBe('billing');
  });
});

describe('the tracing shutdown hook', () => {
  it('flushes the running SDK once, and does nothing when tracing is off', async () => {
    expect(tracingEnabled()).toBe(false);
    await flushTracing.run(undefined as never);
    let flushed = 0;
    setTracingFlush(async () => {
      flushed += 1;
    });
    expect(tracingEnabled()).toBe(true);
    await flushTracing.run(undefined as never);
    await flushTracing.run(undefined as never);
    expect(flushed).toBe(1);
    expect(tracingEnabled()).toBe(false);
  });
});
