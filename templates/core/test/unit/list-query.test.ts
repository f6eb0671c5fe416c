import { describe, expect, it } from 'vitest';
import { escapeLike } from '../../src/repositories/user-rows.js';
import { parseFields, parseSort, pickFields } from '../../src/utils/list-query.js';

const KEYS = ['createdAt', 'name', 'email'] as const;

describe('parseSort', () => {
  it('reads directions and keeps order', () => {
    expect(parseSort('-createdAt,name,+email', KEYS)).toEqual({
      ok: true,
      value: [
        { key: 'createdAt', direction: 'desc' },
        { key: 'name', direction: 'asc' },
        { key: 'email', direction: 'asc' },
      ],
    });
  });

  it.each(['password', 'name,', ',name', 'name,-name', ''])('rejects %j', (raw) => {
    expect(parseSort(raw, KEYS).ok).toBe(false);
  });
});

describe('parseFields', () => {
  it('accepts allow-listed fields, de-duplicated', () => {
    expect(parseFields('name,email,name', KEYS)).toEqual({ ok: true, value: ['name', 'email'] });
  });

  it('names the unknown fields', () => {
    const parsed = parseFields('name,passwordHash', KEYS);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain('passwordHash');
  });
});

describe('pickFields', () => {
  it('projects, or returns everything without a list', () => {
    const item = { id: '1', name: 'n', email: 'e' };
    expect(pickFields(item, ['name'])).toEqual({ name: 'n' });
    expect(pickFields(item, undefined)).toBe(item);
  });
});

describe('escapeLike', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
