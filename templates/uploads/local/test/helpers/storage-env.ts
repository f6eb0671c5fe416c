/**
 * What the storage option adds to production test environments (test/helpers/env.ts); each storage
 * option ships its own version of this file. This one (`--storage local`) needs nothing.
 */
export function storageProductionEnv(): Record<string, string> {
  return {};
}
