// Writes schemas/cli-output.schema.json from the zod schemas in src/api/result-schemas.ts (built to dist/).
// A unit test fails when the committed file and the schemas disagree, so run this after changing them.
import { writeFileSync } from 'node:fs';
import { cliJsonOutputJsonSchema } from '../dist/api/result-schemas.js';

const target = new URL('../schemas/cli-output.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(cliJsonOutputJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
