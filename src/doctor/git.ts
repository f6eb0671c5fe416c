import type { DoctorContext } from './types.js';

const gitTimeoutMs = 20_000;

/**
 * What git would commit: the tracked files, and the untracked ones that are not ignored (one
 * `git add -A` away). Undefined when git is missing or the project is not inside a repository.
 * Paths are relative to the project root even when the repository starts above it.
 */
export async function gitFiles(context: DoctorContext): Promise<{ tracked: string[]; untracked: string[] } | undefined> {
  const options = { cwd: context.root, timeoutMs: gitTimeoutMs };
  const inside = await context.run('git', ['rev-parse', '--is-inside-work-tree'], options);
  if (inside.exitCode !== 0 || inside.stdout.trim() !== 'true') return undefined;
  const tracked = await context.run('git', ['ls-files', '-z', '--cached'], options);
  const untracked = await context.run('git', ['ls-files', '-z', '--others', '--exclude-standard'], options);
  if (tracked.exitCode !== 0 || untracked.exitCode !== 0) return undefined;
  const split = (output: string) => output.split('\0').filter((path) => path !== '');
  return { tracked: split(tracked.stdout), untracked: split(untracked.stdout) };
}
