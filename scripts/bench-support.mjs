// Helpers shared by the benchmark scripts (bench.mjs, bench-server.mjs): statistics, formatting, and a
// watchdog so a benchmark always ends by itself, cleaning up what it started.

export function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const formatMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

const cleanups = new Set();

/** Registers work to undo (stop a server, remove a directory); returns the function that runs it once. */
export function onCleanup(fn) {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cleanups.delete(run);
    try {
      fn();
    } catch {
      // best effort: cleaning up must never hide the benchmark's own error
    }
  };
  cleanups.add(run);
  return run;
}

function cleanUpAndExit(message, code) {
  console.error(message);
  for (const run of [...cleanups].reverse()) run();
  process.exit(code);
}

/**
 * Bounds the whole benchmark: after `minutes` (or on Ctrl-C / SIGTERM) everything registered with
 * onCleanup runs and the process exits 1. Every step also has its own timeout; this catches the rest.
 */
export function startWatchdog(minutes) {
  const timer = setTimeout(() => cleanUpAndExit(`benchmark stopped: still running after ${minutes} min`, 1), minutes * 60_000);
  timer.unref();
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => cleanUpAndExit(`benchmark interrupted (${signal})`, 1));
}

/** "load average 1.52 → 2.31 on 2 CPUs": the machine's other work, which every figure here depends on. */
export function describeLoad(before, after, cpus) {
  return `load average (1 min) ${before.toFixed(2)} before, ${after.toFixed(2)} after, on ${cpus} CPUs`;
}
