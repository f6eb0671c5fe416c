/** The authentication domain (--auth api-key): what every part of it shares. */

/** Millisecond clock; injectable so tests can move time (key expiry, last-use throttling) without sleeping. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
