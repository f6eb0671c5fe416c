/**
 * What the queue option adds to test environments; each queue option ships its own version of this file.
 * This one (`--queue none`): jobs live in the process, so only the retry delays shrink (1/1000).
 */
/** Variables that take the queue server away, so jobs run on the in-process stand-in. */
export const NO_QUEUE_SERVER: Record<string, string> = {};

export function jobsTestEnv(): Record<string, string | undefined> {
  return { JOBS_BACKOFF_SCALE: '0.001' };
}

/** What production additionally requires of this queue option: nothing. */
export function jobsProductionEnv(): Record<string, string> {
  return {};
}

/** In-process queues vanish with their process: nothing to remove. */
export async function removeTestQueue(_name?: string): Promise<void> {}
