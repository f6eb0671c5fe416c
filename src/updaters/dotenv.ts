import { randomBytes } from 'node:crypto';
import type { EnvVar } from '../features/types.js';

/**
 * The developer's own `.env`: the documented examples with every secret replaced by a fresh random
 * value. It is git-ignored and outside the manifest, so its randomness never reaches a commit.
 */
export function renderDotenv(variables: readonly EnvVar[], random: (bytes: number) => Buffer = randomBytes): string {
  const lines = ['# Local settings for development. Not committed (see .gitignore); .env.example documents each.'];
  for (const variable of variables) {
    const value = variable.secret ? random(32).toString('base64url') : variable.example;
    lines.push(`${variable.name}=${value}`);
  }
  return `${lines.join('\n')}\n`;
}
