import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, repoRoot, workDir } from './harness.js';

describe('the built CLI in a pipeline', () => {
  it('exits quietly when its reader closes early (| head), instead of crashing with EPIPE', async () => {
    const work = workDir('pipe');
    try {
      const child = spawn('node', [join(repoRoot, 'bin/create-solid-backend.js'), 'app', '--dry-run', '--preset', 'full'], {
        cwd: work.dir,
        env: cleanEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // Hang up before the CLI writes anything: every write it makes then fails with EPIPE, as the
      // writes after `head -3` has exited do (a small output could otherwise fit the pipe buffer).
      child.stdout.destroy();
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(stderr).not.toContain('EPIPE');
      expect(code).toBe(0);
    } finally {
      work.remove();
    }
  });
});
