/**
 * What the cache option adds to test environments; each cache option ships its own version of this file.
 * This one (`--cache memory` or `none`) needs nothing: the cache lives in the process.
 */
export function cacheTestEnv(): Record<string, string | undefined> {
  return {};
}

/** What production additionally requires of this cache option: nothing. */
export function cacheProductionEnv(): Record<string, string> {
  return {};
}
