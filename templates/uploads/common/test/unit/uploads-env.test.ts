import { describe, expect, it } from 'vitest';
import { uploadPolicy } from '../../src/app/uploads-dependencies.js';
import { ConfigError, loadEnv } from '../../src/config/env.js';
import { envIssues } from '../helpers/env.js';

describe('upload settings', () => {
  it('default to 10 MiB of common images and PDF, kept in .data/uploads', () => {
    const env = loadEnv({});
    expect(env.UPLOAD_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(env.UPLOAD_ALLOWED_TYPES).toEqual(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf']);
    expect(env.UPLOAD_DIR).toBe('.data/uploads');
  });

  it('read UPLOAD_ALLOWED_TYPES as a trimmed, lower-cased list', () => {
    expect(loadEnv({ UPLOAD_ALLOWED_TYPES: ' Image/PNG , application/pdf,' }).UPLOAD_ALLOWED_TYPES).toEqual(['image/png', 'application/pdf']);
  });

  it('refuse malformed values, naming the variable', () => {
    const variables = (source: Record<string, string>) => envIssues(source).map((issue) => issue.variable);
    expect(variables({ UPLOAD_ALLOWED_TYPES: 'png' })).toEqual(['UPLOAD_ALLOWED_TYPES']);
    expect(variables({ UPLOAD_ALLOWED_TYPES: ' , ' })).toEqual(['UPLOAD_ALLOWED_TYPES']);
    expect(variables({ UPLOAD_MAX_BYTES: '0' })).toEqual(['UPLOAD_MAX_BYTES']);
    expect(variables({ UPLOAD_MAX_BYTES: '10MB' })).toEqual(['UPLOAD_MAX_BYTES']);
  });

  it('refuse, at start-up, a type that can never be recognised from content', () => {
    const env = loadEnv({ UPLOAD_ALLOWED_TYPES: 'image/png,text/plain,image/svg+xml' });
    expect(() => uploadPolicy(env)).toThrow(ConfigError);
    expect(() => uploadPolicy(env)).toThrow(/UPLOAD_ALLOWED_TYPES: text\/plain, image\/svg\+xml cannot be recognised/);
    expect([...uploadPolicy(loadEnv({})).allowedTypes]).toEqual(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf']);
  });
});
