import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSentryReceiver, type SentryReceiver } from '../helpers/sentry-receiver.js';

/**
 * Crashes are reported, and the process still dies as it would without error tracking: the same exit
 * code and the error on stderr. Each case runs a real child process (test/helpers/sentry-crash-process.ts).
 */

const script = fileURLToPath(new URL('../helpers/sentry-crash-process.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

let receiver: SentryReceiver;
beforeAll(async () => {
  receiver = await startSentryReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

async function crash(mode: 'throw' | 'reject', dsn?: string): Promise<{ code: number | null; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SENTRY_TEST_DSN: dsn ?? '' };
  const child = spawn(process.execPath, ['--import', 'tsx', script, mode], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

describe.each([
  { mode: 'throw' as const, origin: 'uncaughtException', message: 'crash probe: uncaught exception' },
  { mode: 'reject' as const, origin: 'unhandledRejection', message: 'crash probe: unhandled rejection' },
])('a process that crashes ($origin)', ({ mode, origin, message }) => {
  it('reports it once as fatal, then exits like a process without Sentry', async () => {
    const before = receiver.events().length;
    const [plain, reported] = await Promise.all([crash(mode), crash(mode, receiver.dsn)]);

    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain(message);
    expect(reported.code).toBe(plain.code);
    expect(reported.stderr).toContain(message);

    // The child flushed before dying: its envelope is already here.
    const events = receiver.events().slice(before);
    expect(events).toHaveLength(1);
    expect(events[0]?.level).toBe('fatal');
    expect(events[0]?.tags).toMatchObject({ crash: origin });
    expect(events[0]?.exception?.values?.at(-1)).toMatchObject({ value: message, mechanism: { type: `process.${origin}`, handled: false } });
  });
});
