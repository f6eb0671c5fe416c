import { optionValues, type StackOptions } from '../core/options.js';
import { selectFeatures } from '../plan/resolve.js';
import { targetOptions, type AddRequest } from './target-options.js';

const switchableOptions = ['cache', 'queue', 'storage', 'auth'] as const;

/** Every request `add` understands: each optional feature, and each value an option can switch to. */
export const addRequests: readonly { command: string; request: AddRequest }[] = [
  ...optionValues('features').map((name) => ({ command: `add ${name}`, request: { names: [name] } })),
  ...switchableOptions.flatMap((option) =>
    optionValues(option).map((value) => ({ command: `add ${option} --${option} ${value}`, request: { names: [option], values: { [option]: value } } })),
  ),
  { command: 'add uploads --storage s3', request: { names: ['uploads'], values: { storage: 's3' } } },
];

export interface Addition {
  command: string;
  request: AddRequest;
  /** The options after it, when `add` would accept it. */
  target?: StackOptions;
  /** Features it would bring in (and take out, prefixed with `-`, for a switch). */
  features: string[];
  /** Why `add` refuses it here: a rule, or a switch it does not make. */
  refused?: string;
}

/** What `add` could do to a project with `current` options; requests that change nothing are left out. */
export function additionsFor(current: StackOptions): Addition[] {
  const before = selectFeatures(current).map((f) => f.id);
  return addRequests.flatMap(({ command, request }): Addition[] => {
    try {
      const target = targetOptions(current, request);
      if (JSON.stringify(target) === JSON.stringify(current)) return [];
      const after = selectFeatures(target).map((f) => f.id);
      const features = [...after.filter((id) => !before.includes(id)), ...before.filter((id) => !after.includes(id)).map((id) => `-${id}`)];
      return [{ command, request, target, features }];
    } catch (error) {
      return [{ command, request, features: [], refused: error instanceof Error ? error.message : String(error) }];
    }
  });
}
