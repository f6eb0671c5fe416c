import { describe, expect, it } from 'vitest';
import { targetOptions } from '../../src/add/target-options.js';
import { presetOptions } from '../helpers/fixtures.js';

describe('targetOptions', () => {
  const minimal = presetOptions('minimal');
  const standard = presetOptions('standard');

  it('adds features and keeps them sorted', () => {
    expect(targetOptions(standard, { names: ['webhooks', 'email'] }).features).toEqual(['ci', 'docker', 'email', 'webhooks']);
  });

  it('switches an option named with its value', () => {
    expect(targetOptions(standard, { names: ['cache'], values: { cache: 'redis' } }).cache).toBe('redis');
    expect(targetOptions(standard, { names: [], values: { queue: 'bullmq' } }).queue).toBe('bullmq');
  });

  it('`add cache` on a project without one takes the default', () => {
    expect(targetOptions(minimal, { names: ['cache'] }).cache).toBe('memory');
    expect(targetOptions(minimal, { names: ['auth'] }).auth).toBe('jwt');
    expect(targetOptions(minimal, { names: ['queue'] }).queue).toBe('bullmq');
  });

  it('asks which value when the option is already set', () => {
    expect(() => targetOptions(standard, { names: ['cache'] })).toThrow(/already has --cache memory/);
  });

  it('refuses switching between auth modes, unknown names, empty requests and broken rules (exit 2)', () => {
    const refusals = [
      () => targetOptions(standard, { names: ['auth'], values: { auth: 'session' } }),
      () => targetOptions(standard, { names: ['graphql'] }),
      () => targetOptions(standard, { names: [] }),
      () => targetOptions(standard, { names: ['storage'], values: { storage: 's3' } }),
      () => targetOptions(standard, { names: ['cache'], values: { cache: 'memcached' } }),
    ];
    const messages = refusals.map((refusal) => {
      try {
        refusal();
        return 'accepted';
      } catch (error) {
        expect(error).toMatchObject({ exitCode: 2 });
        return (error as Error).message;
      }
    });
    expect(messages).toEqual([
      '`add` cannot change --auth from jwt to session',
      'Unknown feature "graphql"',
      'Nothing to add',
      'Conflicting options: --storage s3 only applies to the uploads feature, which is not chosen',
      'Unknown value "memcached" for --cache',
    ]);
  });
});
