import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Name and version from package.json (read at runtime: it sits outside src/ and dist/). */
export function readAppInfo(): { name: string; version: string } {
  const raw: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return z.object({ name: z.string(), version: z.string() }).parse(raw);
}
