import type { SortSpec } from '../types/pagination.js';

/** Parsing of the allow-listed list parameters `?sort=` and `?fields=`. Pure, so the rules are unit-testable. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function isOneOf<K extends string>(value: string, allowed: readonly K[]): value is K {
  return (allowed as readonly string[]).includes(value);
}

function tokens(raw: string): string[] | null {
  const parts = raw.split(',').map((part) => part.trim());
  return parts.some((part) => part.length === 0) ? null : parts;
}

/** `-createdAt,name` → [{ key: 'createdAt', direction: 'desc' }, { key: 'name', direction: 'asc' }]. */
export function parseSort<K extends string>(raw: string, allowed: readonly K[]): Parsed<SortSpec<K>[]> {
  const parts = tokens(raw);
  if (parts === null) return { ok: false, message: 'must be a comma-separated list of fields' };
  const seen = new Set<string>();
  const specs: SortSpec<K>[] = [];
  for (const part of parts) {
    const direction = part.startsWith('-') ? 'desc' : 'asc';
    const key = part.replace(/^[-+]/, '');
    if (!isOneOf(key, allowed)) {
      return { ok: false, message: `cannot sort by "${key}"; allowed: ${allowed.join(', ')}` };
    }
    if (seen.has(key)) return { ok: false, message: `"${key}" appears more than once` };
    seen.add(key);
    specs.push({ key, direction });
  }
  return { ok: true, value: specs };
}

/** `id,name` → ['id', 'name'], rejecting anything not allow-listed. */
export function parseFields<K extends string>(raw: string, allowed: readonly K[]): Parsed<K[]> {
  const parts = tokens(raw);
  if (parts === null) return { ok: false, message: 'must be a comma-separated list of fields' };
  const known = parts.filter((part) => isOneOf(part, allowed));
  if (known.length !== parts.length) {
    const unknown = parts.filter((part) => !isOneOf(part, allowed));
    return { ok: false, message: `unknown field(s) ${unknown.join(', ')}; allowed: ${allowed.join(', ')}` };
  }
  return { ok: true, value: [...new Set(known)] };
}

/** A copy of `item` holding only `fields` (all of it when fields is undefined). */
export function pickFields<T extends object, K extends keyof T>(item: T, fields: readonly K[] | undefined): Partial<T> {
  if (fields === undefined) return item;
  const picked: Partial<T> = {};
  for (const field of fields) picked[field] = item[field];
  return picked;
}
