import type { CommandRunner } from './types.js';

/**
 * The real runner: execa with a hard timeout, stdin closed (nothing may wait for an answer) and colours
 * off so output can be parsed. A subprocess that ignores SIGTERM is killed 5 s after the timeout.
 */
export const execaRunner: CommandRunner = async (file, args, { cwd, timeoutMs }) => {
  const { execa } = await import('execa');
  const result = await execa(file, [...args], {
    cwd,
    reject: false,
    timeout: timeoutMs,
    forceKillAfterDelay: 5000,
    stdin: 'ignore',
    env: { CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  const startError = result.failed && result.exitCode === undefined && !result.timedOut ? (result.shortMessage ?? result.code ?? 'could not start') : undefined;
  return {
    exitCode: result.exitCode,
    stdout: typeof result.stdout === 'string' ? result.stdout : '',
    stderr: typeof result.stderr === 'string' ? result.stderr : '',
    timedOut: result.timedOut,
    ...(startError === undefined ? {} : { startError }),
  };
};
