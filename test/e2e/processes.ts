import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** Peers the end-to-end tests run beside a generated project: its worker, a webhook receiver, an S3 server. */

export interface RunningProcess {
  output: () => string;
  /** null while it runs. */
  exitCode: () => number | null;
  /** Sends SIGTERM and resolves with the exit code. */
  stop: () => Promise<number | null>;
}

export function startProcess(command: string, args: string[], cwd: string, env: Record<string, string | undefined>): RunningProcess {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    output: () => output,
    exitCode: () => child.exitCode,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Polls `probe` until it returns something, or fails with `explain()` after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, explain: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(explain());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP endpoint on loopback that records every request and answers 200. */
export async function startReceiver(): Promise<{ url: string; requests: ReceivedRequest[]; close: () => Promise<void> }> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({ headers: request.headers, body });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function countObjects(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (count, entry) => count + (entry.isDirectory() ? countObjects(join(dir, entry.name)) : entry.name.endsWith('._S3rver_object') ? 1 : 0),
    0,
  );
}

/**
 * s3rver (an S3-compatible server on the local disk) from the generated project's own devDependencies,
 * in a process of its own, with one bucket; `objectCount()` counts what it stores.
 */
export async function startS3rver(projectDir: string, dataDir: string, bucket: string) {
  const script = `
    import S3rver from 's3rver';
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: ${JSON.stringify(dataDir)}, configureBuckets: [{ name: ${JSON.stringify(bucket)} }] });
    const { port } = await server.run();
    process.stdout.write('listening on ' + port + '\\n');
    process.once('SIGTERM', () => server.close().then(() => process.exit(0)));
  `;
  const child = startProcess('node', ['--input-type=module', '-e', script], projectDir, { PATH: process.env.PATH });
  const port = await waitFor(() => /listening on (\d+)/.exec(child.output())?.[1], 15_000, () => `s3rver did not start:\n${child.output()}`);
  return { endpoint: `http://127.0.0.1:${port}`, objectCount: () => countObjects(join(dataDir, bucket)), close: child.stop };
}
