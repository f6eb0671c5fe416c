import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** Password hashing port: services depend on this, so tests and other algorithms can stand in. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a malformed hash; never throws on bad input. */
  verify(hash: string, password: string): Promise<boolean>;
  /** True when `hash` was made with other parameters than today's (rehash after a successful login). */
  needsRehash(hash: string): boolean;
  /**
   * Spends the same time as verify() against a real hash. Called when there is no account, so an
   * unknown email cannot be told from a wrong password by the response time.
   */
  verifyDummy(password: string): Promise<void>;
}

/**
 * Argon2id with the OWASP minimum (19 MiB memory, 2 iterations, 1 lane): about 30 ms per hash on
 * one core. Raise memoryCost/timeCost as your servers allow; older hashes are upgraded at login.
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export class Argon2PasswordHasher implements PasswordHasher {
  private dummy: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      // A hash that cannot be parsed matches nothing; the error text is not worth a log line.
      return false;
    }
  }

  needsRehash(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, ARGON2_OPTIONS);
    } catch {
      return true;
    }
  }

  async verifyDummy(password: string): Promise<void> {
    // Made once, lazily, from random bytes nobody knows: it can never match.
    this.dummy ??= this.hash(randomBytes(32).toString('base64url'));
    await this.verify(await this.dummy, password);
  }
}
