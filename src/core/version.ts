import { readFileSync } from 'node:fs';

/** Read once from the package's own package.json (`../../` from both src/core and dist/core). */
export const cliVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
