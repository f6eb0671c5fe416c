import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/core/errors.js';
import { defaultOptions, optionNames, optionValues, stackOptionsSchema } from '../../src/core/options.js';
import { parseFlags, resolveOptions } from '../../src/core/resolve-options.js';
import { assertRules, findViolations, type OptionRule } from '../../src/core/rules.js';

function expectCliError(run: () => unknown, code: string): CliError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe(code);
    return error as CliError;
  }
  throw new Error(`expected a CliError ${code}`);
}

describe('options schema', () => {
  it('has a default for every option', () => {
    expect(defaultOptions()).toEqual({ database: 'postgres', auth: 'jwt', cache: 'memory', queue: 'none', features: ['ci', 'docker'], storage: 'local', packageManager: 'npm' });
  });

  it('normalises the feature list: sorted, without duplicates', () => {
    expect(stackOptionsSchema.parse({ features: ['docker', 'ci', 'docker'] }).features).toEqual(['ci', 'docker']);
  });

  it('refuses unknown keys, so a typo in a preset is caught', () => {
    expect(stackOptionsSchema.safeParse({ cahce: 'memory' }).success).toBe(false);
  });

  it('offers only values that are built', () => {
    expect(optionValues('database')).toEqual(['postgres', 'sqlite', 'mysql']);
    expect(optionValues('cache')).toEqual(['memory', 'redis', 'none']);
    expect(optionValues('auth')).toEqual(['jwt', 'session', 'api-key', 'none']);
    expect(optionNames).toContain('packageManager');
  });
});

describe('flags', () => {
  it('parses single values and comma lists', () => {
    expect(parseFlags({ cache: 'none', features: 'docker, ci' })).toEqual({ cache: 'none', features: ['docker', 'ci'] });
  });

  it('refuses an unknown value, naming the flag and the accepted values', () => {
    const error = expectCliError(() => parseFlags({ database: 'mongodb' }), 'INVALID_OPTION');
    expect(error.message).toContain('"mongodb"');
    expect(error.message).toContain('--database');
    expect(error.hint).toContain('postgres');
    expect(error.exitCode).toBe(2);
  });

  it('names the dashed flag for camel-cased options', () => {
    expect(expectCliError(() => parseFlags({ packageManager: 'pip' }), 'INVALID_OPTION').message).toContain('--package-manager');
  });

  it('refuses an unknown feature inside a list', () => {
    expect(expectCliError(() => parseFlags({ features: 'docker,kafka' }), 'INVALID_OPTION').message).toContain('"kafka"');
  });

  it('later layers win over earlier ones', () => {
    expect(resolveOptions({ cache: 'none' }, { cache: 'memory' }).cache).toBe('memory');
  });
});

describe('rules', () => {
  const noCacheWithDocker: OptionRule = {
    id: 'test-rule',
    violatedBy: (o) => o.cache === 'none' && o.features.includes('docker'),
    message: 'cache "none" conflicts with docker',
    fix: 'Use --cache memory.',
  };

  it('reports each broken rule with its id', () => {
    const options = resolveOptions({ cache: 'none', features: ['docker'] });
    expect(findViolations(options, [noCacheWithDocker])).toEqual([{ id: 'test-rule', message: 'cache "none" conflicts with docker', fix: 'Use --cache memory.' }]);
    const error = expectCliError(() => assertRules(options, [noCacheWithDocker]), 'RULE_VIOLATION');
    expect(error.message).toContain('cache "none" conflicts with docker');
    expect(error.details).toEqual(['[test-rule] cache "none" conflicts with docker']);
    expect(error.exitCode).toBe(2);
  });

  it('passes options that break no rule', () => {
    expect(() => assertRules(resolveOptions({ cache: 'memory' }), [noCacheWithDocker])).not.toThrow();
  });
});
