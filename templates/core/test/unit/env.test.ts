import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEV_CURSOR_SECRET, envSchema, loadEnv, PRODUCTION_REQUIRED, PRODUCTION_SECRETS } from '../../src/config/env.js';
import { envIssues, productionEnv } from '../helpers/env.js';

function issuesOf(source: Record<string, string>): string[] {
  const issues = envIssues(source);
  if (issues.length === 0) throw new Error('expected a ConfigError');
  return issues.map((issue) => issue.variable);
}

describe('loadEnv', () => {
  it('applies documented defaults', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      HOST: '0.0.0.0',
      PORT: 3000,
      LOG_LEVEL: 'info',
      CORS_ORIGINS: [],
      BODY_LIMIT_BYTES: 1048576,
      SHUTDOWN_TIMEOUT_MS: 30000,
      DOCS_ENABLED: true,
      TRUST_PROXY: false,
      CURSOR_SECRET: DEV_CURSOR_SECRET,
    });
  });

  it('parses values from strings', () => {
    const env = loadEnv({
      PORT: '8080',
      DOCS_ENABLED: 'false',
      TRUST_PROXY: 'yes',
      CORS_ORIGINS: 'https://a.example.com, http://localhost:5173',
    });
    expect(env.PORT).toBe(8080);
    expect(env.DOCS_ENABLED).toBe(false);
    expect(env.TRUST_PROXY).toBe(true);
    expect(env.CORS_ORIGINS).toEqual(['https://a.example.com', 'http://localhost:5173']);
  });

  it('names every bad variable at once', () => {
    const bad = issuesOf({
      NODE_ENV: 'staging',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      BODY_LIMIT_BYTES: '0',
      DOCS_ENABLED: 'maybe',
      CURSOR_SECRET: 'short',
      CORS_ORIGINS: 'not a url',
    });
    expect(new Set(bad)).toEqual(
      new Set([
        'NODE_ENV',
        'PORT',
        'LOG_LEVEL',
        'BODY_LIMIT_BYTES',
        'DOCS_ENABLED',
        'CURSOR_SECRET',
        'CORS_ORIGINS',
      ]),
    );
  });

  it('puts each variable name in the error message', () => {
    expect(() => loadEnv({ PORT: '70000' })).toThrow(/PORT: /);
  });

  describe('in production', () => {
    it('refuses the development cursor secret and the example one', () => {
      // Every production secret left at its development default is named, the cursor secret among them,
      // and so is every variable production requires.
      expect(issuesOf({ NODE_ENV: 'production' })).toEqual([...PRODUCTION_SECRETS, ...PRODUCTION_REQUIRED]);
      expect(issuesOf({ ...productionEnv(), CURSOR_SECRET: 'replace-with-at-least-32-random-characters' })).toEqual([
        'CURSOR_SECRET',
      ]);
      expect(issuesOf({ ...productionEnv(), CURSOR_SECRET: DEV_CURSOR_SECRET })).toEqual(['CURSOR_SECRET']);
    });

    // Every secret any feature declares, the auth mode's among them, is held to the same rules.
    describe.each(PRODUCTION_SECRETS)('refuses %s, naming it, when it is', (name) => {
      it('missing (left at its development default) or the example value from .env.example', () => {
        const { [name]: _omitted, ...rest } = productionEnv();
        expect(issuesOf(rest)).toEqual([name]);
        expect(issuesOf({ ...productionEnv(), [name]: String(loadEnv({})[name]) })).toEqual([name]);
        expect(issuesOf({ ...productionEnv(), [name]: 'replace-with-at-least-32-random-characters' })).toEqual([name]);
        expect(() => loadEnv(rest)).toThrow(new RegExp(`${name}: `));
      });

      it('shorter than 32 bytes, and accepts 32', () => {
        expect(issuesOf({ ...productionEnv(), [name]: 'x'.repeat(31) })).toEqual([name]);
        expect(envIssues({ ...productionEnv(), [name]: 'x'.repeat(32) })).toEqual([]);
      });
    });

    it("refuses CORS_ORIGINS='*'", () => {
      expect(issuesOf({ ...productionEnv(), CORS_ORIGINS: '*' })).toEqual(['CORS_ORIGINS']);
    });

    it('accepts a proper configuration', () => {
      const env = loadEnv({ ...productionEnv(), CORS_ORIGINS: 'https://app.example.com' });
      expect(env.NODE_ENV).toBe('production');
    });

    it("allows '*' outside production", () => {
      expect(loadEnv({ CORS_ORIGINS: '*' }).CORS_ORIGINS).toEqual(['*']);
    });
  });
});

describe('.env.example', () => {
  const example = parseEnv(readFileSync(new URL('../../.env.example', import.meta.url), 'utf8'));

  it('documents exactly the variables of envSchema', () => {
    expect(Object.keys(example).sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('is a valid development configuration', () => {
    expect(() => loadEnv(example)).not.toThrow();
  });
});
