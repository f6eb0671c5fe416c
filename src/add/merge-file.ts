import { mergePackageJsonText } from '../merge/json-three-way.js';
import { mergeText } from '../merge/three-way-text.js';
import { mergeSections } from '../merge/sections.js';
import type { Plan } from '../plan/plan.js';
import { mergeCompose } from '../updaters/compose.js';
import { wiredFiles, wireFile, type WiringDelta } from '../wiring/apply.js';

export interface MergeInput {
  path: string;
  /** As generated for the project's current options. */
  base: string;
  /** As generated for the target options. */
  target: string;
  /** As the user has it. */
  mine: string;
  delta: WiringDelta;
  targetPlan: Plan;
}

export interface Merged {
  text: string;
  /** How the change reached the user's version. */
  how: 'wired' | 'merged';
}

/** Equal up to formatting: white space, trailing commas and the order of import lines do not count. */
export function sameCode(a: string, b: string): boolean {
  const normalise = (code: string) => {
    const lines = code.split('\n');
    const imports = lines.filter((line) => line.startsWith('import ')).sort();
    const rest = lines.filter((line) => !line.startsWith('import '));
    return [...imports, ...rest].join('\n').replace(/\s+/g, '').replace(/,([\])}])/g, '$1');
  };
  return normalise(a) === normalise(b);
}

/**
 * Extension points get the ts-morph edits, but only when those edits are the whole of the
 * generator's change to the file (wiring the generated version gives the new generated version);
 * otherwise the file also changed in ways the AST edits do not know, and it is not a wiring case.
 */
function wire(input: MergeInput): string | undefined {
  if (!wiredFiles.includes(input.path)) return undefined;
  if (!sameCode(wireFile(input.path, input.base, input.delta), input.target)) return undefined;
  return wireFile(input.path, input.mine, input.delta);
}

const readmeHeading = (line: string): boolean => line.startsWith('## ');
const envBlockHeading = (line: string): boolean => line.startsWith('# --- ');

/** Structured merges that always give a result, for the files every feature contributes to. */
const structured: Readonly<Record<string, (input: MergeInput) => string>> = {
  'package.json': ({ base, target, mine }) => mergePackageJsonText(base, target, mine),
  'README.md': ({ base, target, mine }) => mergeSections(base, target, mine, readmeHeading),
  '.env.example': ({ base, target, mine }) => mergeSections(base, target, mine, envBlockHeading),
  'docker-compose.yml': ({ mine, targetPlan }) => mergeCompose(mine, targetPlan.compose),
};

/**
 * Brings the generator's change of one file into the version the user edited: AST wiring at the
 * extension points, then a three-way line merge, then a structured merge where one exists.
 * Undefined means the change cannot be applied without losing the user's edits.
 */
export function mergeIntoEdited(input: MergeInput): Merged | undefined {
  const wired = wire(input);
  if (wired !== undefined) return { text: wired, how: 'wired' };
  if (input.path === 'package.json') return { text: structured['package.json']!(input), how: 'merged' };
  const merged = mergeText(input.base, input.target, input.mine);
  if (merged !== undefined) return { text: merged, how: 'merged' };
  const merge = structured[input.path];
  return merge ? { text: merge(input), how: 'merged' } : undefined;
}
