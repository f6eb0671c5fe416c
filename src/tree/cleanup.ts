/**
 * Synchronous undo actions for work in progress. bin/ runs them on SIGINT/SIGTERM before exiting 130,
 * so an interrupted create leaves no half-written directory behind.
 */
const pending = new Set<() => void>();

export function registerCleanup(action: () => void): () => void {
  pending.add(action);
  return () => pending.delete(action);
}

export function runCleanups(): void {
  for (const action of [...pending]) {
    pending.delete(action);
    try {
      action();
    } catch {
      // Best effort while the process is going down: one failed undo must not stop the others.
    }
  }
}
