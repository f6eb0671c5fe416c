/**
 * pg-boss keeps each queue in a partition of its own: creating or dropping one is DDL on the shared
 * job table, and two processes doing it at once (an API and its workers starting together, parallel
 * test files) can deadlock. PostgreSQL then rolls one side back, which is safe to run again.
 */
const DEADLOCK_DETECTED = '40P01';

export async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
      if (code !== DEADLOCK_DETECTED || attempt >= attempts) throw error;
      // Jittered, so the two sides do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}
