import { Writable } from 'node:stream';
import type { Env } from '../../src/config/env.js';
import { createLogger, type AppLogger } from '../../src/lib/logger.js';

export interface CapturedLogs {
  /** Every JSON line written so far, as text (to search for leaked secrets). */
  lines: string[];
  /** The same lines, parsed. */
  records: Record<string, unknown>[];
  logger: AppLogger;
}

/** A logger that keeps what it writes in memory, so tests can read what was logged and what was not. */
export function captureLogs(level: Env['LOG_LEVEL'] = 'info'): CapturedLogs {
  const lines: string[] = [];
  const records: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        lines.push(line);
        records.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { lines, records, logger: createLogger({ LOG_LEVEL: level }, stream) };
}
