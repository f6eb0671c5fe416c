import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/core/errors.js';
import { flagName, isMultiOption, optionNames, optionValues, type StackOptions } from '../../src/core/options.js';
import { parseFlags, resolveOptions, type RawFlags } from '../../src/core/resolve-options.js';
import { offeredValues, optionRules } from '../../src/core/rules.js';
import { combinationLabel, rawCombinations, validCombinations } from '../helpers/combinations.js';
import { e2eCombinations, optionsFromArgs, uncoveredValues, valuesUsed } from '../helpers/e2e-combinations.js';

/** The flags a user would type for `options`, as commander hands them over. */
function flagsOf(options: StackOptions): RawFlags {
  const flags: RawFlags = {};
  for (const name of optionNames) {
    const value = options[name];
    flags[name] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return flags;
}

/** The rule ids `resolveOptions` refused `options` with (none when accepted); other errors fail. */
function refusedWith(options: StackOptions): string[] {
  try {
    expect(resolveOptions(parseFlags(flagsOf(options)))).toEqual(options);
    return [];
  } catch (error) {
    if (!(error instanceof CliError) || error.code !== 'RULE_VIOLATION') throw error;
    expect(error.exitCode).toBe(2);
    return (error.details ?? []).map((line) => /^\[([^\]]+)\] /.exec(line)?.[1] ?? `unparsed: ${line}`);
  }
}

describe('option matrix: every raw combination through the flags path', () => {
  const raw = rawCombinations();

  it('enumerates the full product of the schema: each single option times every subset of features', () => {
    const expected = optionNames.reduce((n, name) => n * (isMultiOption(name) ? 2 ** optionValues(name).length : optionValues(name).length), 1);
    expect(raw).toHaveLength(expected);
    expect(new Set(raw.map(combinationLabel)).size).toBe(expected);
  });

  it('refuses exactly what each rule forbids, naming every broken rule id, and accepts the rest', () => {
    const refusedBy = new Map<string, number>(optionRules.map((rule) => [rule.id, 0]));
    let accepted = 0;
    const wrong: string[] = [];
    for (const options of raw) {
      // The rules' own predicates are the oracle; the behaviour under test is the CLI's resolution.
      const expected = optionRules.filter((rule) => rule.violatedBy(options)).map((rule) => rule.id);
      const got = refusedWith(options);
      if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${combinationLabel(options)}: expected [${expected.join(', ')}], got [${got.join(', ')}]`);
      if (got.length === 0) accepted++;
      for (const id of got) refusedBy.set(id, (refusedBy.get(id) ?? 0) + 1);
    }
    expect(wrong.slice(0, 20), `${wrong.length} combinations resolved wrongly`).toEqual([]);
    const counts = { raw: raw.length, valid: accepted, invalid: Object.fromEntries(refusedBy) };
    console.log(`option matrix: ${JSON.stringify(counts)}`);
    // Update these when a value or rule is added: they are the figures the matrix gate reports.
    expect(counts).toEqual({
      raw: 110592,
      valid: 55296,
      invalid: { 'storage-needs-uploads': 27648, 'session-needs-postgres': 18432, 'pg-boss-needs-postgres': 24576 },
    });
    expect(validCombinations()).toHaveLength(accepted);
  });

  it('every rule forbids something and allows something, so none is dead or total', () => {
    for (const rule of optionRules) {
      const broken = raw.filter((options) => rule.violatedBy(options)).length;
      expect(broken, rule.id).toBeGreaterThan(0);
      expect(broken, rule.id).toBeLessThan(raw.length);
    }
  });

  it('refuses a flag combination with the rule id in the error details (storage without uploads)', () => {
    expect(() => resolveOptions(parseFlags({ storage: 's3', features: 'docker' }))).toThrowError(
      expect.objectContaining({ code: 'RULE_VIOLATION', details: [expect.stringMatching(/^\[storage-needs-uploads\] /)] }),
    );
  });
});

describe('e2e combinations: the generated tests run on every option value', () => {
  it('each declared e2e file exists', () => {
    for (const { file } of e2eCombinations) expect(existsSync(join('test/e2e', file)), file).toBe(true);
  });

  it('together use every value of every option, features on and off, storage with uploads', () => {
    const combinations = e2eCombinations.map(({ args }) => optionsFromArgs(args));
    expect(uncoveredValues(combinations)).toEqual([]);
  });

  it('finds a value no combination uses (so a new value without an e2e run fails)', () => {
    const withoutPgBoss = e2eCombinations.map(({ args }) => optionsFromArgs(args)).filter((o) => o.queue !== 'pg-boss');
    expect(uncoveredValues(withoutPgBoss)).toContain('queue=pg-boss');
  });

  it('counts storage only where uploads is on', () => {
    const options = optionsFromArgs(['--preset', 'minimal']);
    expect(valuesUsed(options)).not.toContain('storage=local');
    expect(valuesUsed(optionsFromArgs(['--features', 'uploads', '--storage', 's3']))).toContain('storage=s3');
    expect(flagName('storage')).toBe('--storage');
  });
});

describe('prompts offer only what the rules allow with the answers so far', () => {
  it('hides sessions and pg-boss once SQLite or MySQL is chosen, and offers them on PostgreSQL', () => {
    expect(offeredValues('auth', { database: 'sqlite' })).toEqual(['jwt', 'api-key', 'none']);
    expect(offeredValues('queue', { database: 'mysql', auth: 'jwt' })).toEqual(['none', 'bullmq']);
    expect(offeredValues('auth', { database: 'postgres' })).toEqual(['jwt', 'session', 'api-key', 'none']);
  });

  it('hides the other databases when a flag already chose sessions', () => {
    expect(offeredValues('database', { auth: 'session' })).toEqual(['postgres']);
  });

  it('does not blame a prompt for a rule that other settled options already break', () => {
    // --storage s3 without uploads breaks storage-needs-uploads whatever the database: every value stays offered.
    expect(offeredValues('database', { storage: 's3', features: [] })).toEqual(['postgres', 'sqlite', 'mysql']);
  });
});
