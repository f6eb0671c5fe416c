import fc from 'fast-check';

/**
 * Strings an attacker, a broken client or an unlucky user sends: control characters (PostgreSQL text
 * cannot hold NUL), lone surrogates (not UTF-8 at all), tricky Unicode, SQL, HTML and template
 * injection, path traversal, prototype keys, numbers that overflow, and very long values. The server
 * must answer each with a documented status below 500, never store or reflect it unescaped, and
 * never crash on it.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'name\u0000@example.com',
  '\uD800',
  'x\uDFFFy',
  '\uFEFFbom',
  '\u202Eevil\u202C',
  'ｆｕｌｌｗｉｄｔｈ＠ｅｘａｍｐｌｅ．ｃｏｍ',
  'Z̵̡̢̛̗̘̙̜̝̞̟̠͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̕̚',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '\t\r\n\u000b\f',
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1 UNION SELECT password_hash FROM credentials',
  "E'\\\\x00'",
  '$1',
  '%',
  '%%',
  '%s%s%s%n',
  '\\',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  // Double braces built at run time: the template engine that generates this file must not see them.
  `${'{'.repeat(2)}7*7${'}'.repeat(2)}#{7*7}\${7*7}<%= 7*7 %>`,
  '${jndi:ldap://127.0.0.1:1/a}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/dev/null',
  '__proto__',
  'constructor',
  'toString',
  '-1',
  '0',
  '-0',
  '1e309',
  'NaN',
  'Infinity',
  '9'.repeat(400),
  '0x7fffffff',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  'a'.repeat(5_000),
  'é'.repeat(3_000),
];

/** The ones that most often break a server: NUL (PostgreSQL refuses it in text) and lone surrogates. */
const UNSTORABLE: readonly string[] = ['\u0000', 'a\u0000b', 'name\u0000@example.com', '\uD800', 'x\uDFFFy'];

/** A hostile string: one of the lists above, or random code points (control characters included). */
export const hostileStringArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...UNSTORABLE) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 64 }) },
);

/**
 * Replaces one string inside `value` (picked by `pick`, modulo the count) with `replacement`, or
 * every string when `pick` is undefined; `path` names the one replaced ("*" for all).
 */
export function replaceStrings(value: unknown, pick: number | undefined, replacement: string): { value: unknown; path: string | undefined } {
  const paths: string[][] = [];
  const collect = (node: unknown, path: string[]) => {
    if (typeof node === 'string') paths.push(path);
    else if (Array.isArray(node)) node.forEach((child, index) => collect(child, [...path, String(index)]));
    else if (typeof node === 'object' && node !== null) for (const [key, child] of Object.entries(node)) collect(child, [...path, key]);
  };
  collect(value, []);
  if (pick === undefined) {
    const all = (node: unknown): unknown => {
      if (typeof node === 'string') return replacement;
      if (Array.isArray(node)) return node.map(all);
      if (typeof node === 'object' && node !== null) return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, all(child)]));
      return node;
    };
    return paths.length === 0 ? { value, path: undefined } : { value: all(value), path: '*' };
  }
  const target = paths[pick % Math.max(paths.length, 1)];
  if (target === undefined) return { value, path: undefined };
  const replace = (node: unknown, rest: string[]): unknown => {
    const [head, ...tail] = rest;
    if (head === undefined) return replacement;
    if (Array.isArray(node)) return node.map((child, index) => (String(index) === head ? replace(child, tail) : child));
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, key === head ? replace(child, tail) : child]));
    }
    return node;
  };
  return { value: replace(value, target), path: target.join('.') || '(the value)' };
}
