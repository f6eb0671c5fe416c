import type { Clock } from '../../src/types/auth.js';

/** A clock that only moves when told to: expiry and lockout tests without sleeping. */
export class FakeClock implements Clock {
  constructor(private current = Date.now()) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
