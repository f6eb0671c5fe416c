import { runCleanups } from '../tree/cleanup.js';

/**
 * Ctrl-C or a kill mid-run: undo work in progress (the staging directory) and exit 130. A reader that
 * goes away (`| head`) ends the process quietly instead of crashing it with EPIPE.
 */
export function installSignalHandlers(exitCode: number): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      runCleanups();
      process.exit(process.exitCode ?? 0);
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      runCleanups();
      process.stderr.write('\nCancelled; nothing was left half-written.\n');
      process.exit(exitCode);
    });
  }
}
