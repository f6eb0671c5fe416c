import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from '../../src/jobs/define.js';
import { jobDefinitions } from '../../src/jobs/index.js';
import { startWorker } from '../../src/jobs/worker.js';
import { jobsStandInReason } from '../../src/lib/jobs/index.js';
import { createLogger } from '../../src/lib/logger.js';
import { testEnv } from '../helpers/env.js';
import { NO_QUEUE_SERVER, removeTestQueue } from '../helpers/jobs-env.js';


interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs src/worker.ts as its own process; `whenStarted` gets the child once it logged `worker started`. */
function runWorkerProcess(env: Record<string, string | undefined>, whenStarted?: (stop: () => void) => void): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (whenStarted && stdout.includes('"worker started"')) {
        const notify = whenStarted;
        whenStarted = undefined;
        notify(() => child.kill('SIGTERM'));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const serverConfigured = jobsStandInReason(testEnv()) === undefined;
// eslint-disable-next-line no-console -- say what this run could exercise
console.info(serverConfigured ? 'worker: queue server configured, running the worker for real' : 'worker: no queue server configured, testing the refusal only');

describe('npm run worker', () => {
  it('refuses to start without a queue server, saying why, and opens nothing', async () => {
    const env = testEnv(NO_QUEUE_SERVER);
    const result = await startWorker(env, createLogger(env), jobDefinitions);
    expect(result.started).toBe(false);
    if (!result.started) {
      expect(result.message).toContain('The worker needs a queue server');
      expect(result.message).toContain('Jobs run inside the API process');
    }
  });

  it('exits with code 1 and the reason on stderr when run as a process without a server', async () => {
    const { code, stderr } = await runWorkerProcess({ ...NO_QUEUE_SERVER, LOG_LEVEL: 'silent' });
    expect(code).toBe(1);
    expect(stderr).toContain('The worker needs a queue server');
  });

  if (serverConfigured) {
    it('consumes the registered jobs and shuts down cleanly (exit code 0)', async () => {
      const env = testEnv();
      const seen: string[] = [];
      const echo = defineJob({ name: 'test.echo', schema: z.object({ text: z.string() }), attempts: 1, backoffMs: 0, timeoutMs: 2000 }, () => async ({ text }) => {
        seen.push(text);
      });
      const worker = await startWorker(env, createLogger(env), [echo]);
      if (!worker.started) throw new Error(worker.message);
      await worker.deps.jobs.enqueue(echo.spec, { text: 'hello' });
      await expect.poll(() => seen, { timeout: 10_000, interval: 20 }).toEqual(['hello']);
      expect(await worker.shutdown('SIGTERM')).toBe(0);
      await removeTestQueue();
    });

    it('runs as its own process and exits 0 on SIGTERM', async () => {
      const queueName = `test-${randomUUID()}`;
      const { code, stdout } = await runWorkerProcess({ LOG_LEVEL: 'info', JOBS_QUEUE_NAME: queueName }, (stop) => stop());
      expect(stdout).toContain('"worker started"');
      expect(stdout).toContain('"shutdown complete"');
      expect(code).toBe(0);
      await removeTestQueue(queueName);
    });
  }
});
