// Build step: freeze the option spec derived from the zod schema into JSON beside the compiled CLI,
// so `--help` and flag parsing need neither zod nor the schema module at start-up.
import { writeFileSync } from 'node:fs';
import { deriveOptionSpec } from '../dist/cli/option-spec.js';

const target = new URL('../dist/cli/option-spec.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(deriveOptionSpec(), null, 2)}\n`);
