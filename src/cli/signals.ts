import { runCleanups } from '../tree/cleanup.js';

/** Ctrl-C or a kill mid-run: undo work in progress (the staging directory) and exit 130. */
export function installSignalHandlers(exitCode: number): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      runCleanups();
      process.stderr.write('\nCancelled; nothing was left half-written.\n');
      process.exit(exitCode);
    });
  }
}
