import { optionValues, stackOptionsSchema, type OptionName, type PartialOptions, type StackOptions } from './options.js';
import { CliError } from './errors.js';

/**
 * A compatibility rule between options, declared once: prompts hide what it forbids (offeredValues),
 * flags, presets and `add` are refused with its id and message. Rules for values that are not offered
 * yet arrive together with those values.
 */
export interface OptionRule {
  id: string;
  /** True when the options break the rule. */
  violatedBy(options: StackOptions): boolean;
  message: string;
  fix: string;
}

export const optionRules: readonly OptionRule[] = [
  {
    id: 'storage-needs-uploads',
    violatedBy: (options) => options.storage !== 'local' && !options.features.includes('uploads'),
    message: '--storage s3 only applies to the uploads feature, which is not chosen',
    fix: 'Add uploads to --features, or drop --storage.',
  },
  {
    id: 'session-needs-postgres',
    violatedBy: (options) => options.auth === 'session' && options.database !== 'postgres',
    message: '--auth session keeps its session store in PostgreSQL, which the chosen database is not',
    fix: 'Use --auth jwt (or api-key) with this database, or --database postgres for sessions.',
  },
  {
    id: 'pg-boss-needs-postgres',
    violatedBy: (options) => options.queue === 'pg-boss' && options.database !== 'postgres',
    message: '--queue pg-boss runs its queue inside PostgreSQL, which the chosen database is not',
    fix: 'Use --queue bullmq (Redis) or --queue none with this database, or --database postgres for pg-boss.',
  },
];

export interface RuleViolation {
  id: string;
  message: string;
  fix: string;
}

export function findViolations(options: StackOptions, rules: readonly OptionRule[] = optionRules): RuleViolation[] {
  return rules
    .filter((rule) => rule.violatedBy(options))
    .map(({ id, message, fix }) => ({ id, message, fix }));
}

/**
 * The values of `name` a prompt may offer once `chosen` is settled (the rest at their defaults): those
 * that break no rule which another value of `name` would keep. Options are asked in schema order, and
 * each rule involves only options asked up to the last of them, so nothing offered is refused at the end.
 */
export function offeredValues(name: Exclude<OptionName, 'features'>, chosen: PartialOptions, rules: readonly OptionRule[] = optionRules): string[] {
  const values = optionValues(name);
  const broken = values.map((value) => new Set(findViolations(stackOptionsSchema.parse({ ...chosen, [name]: value }), rules).map((v) => v.id)));
  // Broken whatever the value (by other options already settled): not this prompt's to prevent.
  const always = new Set([...(broken[0] ?? [])].filter((id) => broken.every((ids) => ids.has(id))));
  return values.filter((_value, i) => [...broken[i]!].every((id) => always.has(id)));
}

export function assertRules(options: StackOptions, rules: readonly OptionRule[] = optionRules): void {
  const violations = findViolations(options, rules);
  if (violations.length === 0) return;
  throw new CliError(
    'RULE_VIOLATION',
    violations.length === 1
      ? `Conflicting options: ${violations[0]!.message}`
      : `Conflicting options (${violations.length} rules broken)`,
    violations.map((v) => v.fix).join('\n'),
    violations.map((v) => `[${v.id}] ${v.message}`),
  );
}
