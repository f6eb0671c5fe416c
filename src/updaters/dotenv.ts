import { randomBytes } from 'node:crypto';
import type { EnvVar } from '../features/types.js';
import { documentedKeys } from './env-example.js';

type Random = (bytes: number) => Buffer;

const value = (variable: EnvVar, random: Random): string => (variable.secret ? random(32).toString('base64url') : variable.example);

/**
 * The developer's own `.env`: the documented examples with every secret replaced by a fresh random
 * value. It is git-ignored and outside the manifest, so its randomness never reaches a commit.
 */
export function renderDotenv(variables: readonly EnvVar[], random: Random = randomBytes): string {
  const lines = ['# Local settings for development. Not committed (see .gitignore); .env.example documents each.'];
  for (const variable of variables) lines.push(`${variable.name}=${value(variable, random)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `.env` after `add`: the user's lines untouched, plus the variables it does not set yet (secrets
 * freshly generated). Undefined when nothing is missing.
 */
export function appendDotenv(existing: string | undefined, variables: readonly EnvVar[], random: Random = randomBytes): string | undefined {
  if (existing === undefined) return renderDotenv(variables, random);
  const known = documentedKeys(existing);
  const missing = variables.filter((variable) => !known.has(variable.name));
  if (missing.length === 0) return undefined;
  const lines = missing.map((variable) => `${variable.name}=${value(variable, random)}`);
  return `${existing.trimEnd()}\n${lines.join('\n')}\n`;
}
