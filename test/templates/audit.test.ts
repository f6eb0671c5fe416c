import { describe, expect, it } from 'vitest';
import type { PartialOptions } from '../../src/core/options.js';
import { generateTree, presetOptions } from '../helpers/fixtures.js';

/**
 * The audit trail (src/lib/audit.ts) in each auth mode: shipped with every mode that has security
 * events, every event the code records is declared and documented in docs/auth.md, every documented
 * event is recorded, no call hands a secret to it, and its generated tests come along.
 */

type AuthMode = 'jwt' | 'session' | 'api-key';

const PASSWORD_EVENTS = [
  'auth.login.succeeded',
  'auth.login.failed',
  'auth.lockout',
  'auth.password_reset.requested',
  'auth.password_reset.completed',
  'auth.password_reset.failed',
];

const expected: Record<AuthMode, { events: string[]; tests: string[] }> = {
  jwt: {
    events: [...PASSWORD_EVENTS, 'auth.refresh.reused', 'auth.logout', 'user.role.changed'],
    tests: ['test/integration/audit.test.ts', 'test/integration/audit-passwords.test.ts'],
  },
  session: {
    events: [...PASSWORD_EVENTS, 'auth.session.created', 'auth.session.revoked', 'auth.logout', 'user.role.changed'],
    tests: ['test/integration/audit.test.ts', 'test/integration/audit-passwords.test.ts'],
  },
  'api-key': {
    events: ['auth.api_key.created', 'auth.api_key.revoked', 'user.role.changed'],
    tests: ['test/integration/audit.test.ts'],
  },
};

const COMMON_FILES = ['src/lib/audit.ts', 'src/middleware/audit-role-changes.ts', 'test/helpers/audit-trail.ts', 'test/unit/audit.test.ts', 'test/integration/audit-roles.test.ts'];

/** Event names in the `event: '…'` literals of the source files, and the object literal of each `audit.record(` call. */
function scan(files: { path: string; text: string }[]) {
  const recorded = new Set<string>();
  const calls: { path: string; body: string }[] = [];
  for (const { path, text } of files.filter((file) => file.path.startsWith('src/') && file.path !== 'src/lib/audit.ts')) {
    for (const match of text.matchAll(/event: '([a-z_]+\.[a-z_.]+)'/g)) recorded.add(match[1] ?? '');
    for (const match of text.matchAll(/\.record\(origin, ?(\{[\s\S]*?\})\);/g)) calls.push({ path, body: match[1] ?? '' });
  }
  return { recorded, calls };
}

const cases: [string, PartialOptions, AuthMode][] = [
  ['jwt', { auth: 'jwt' }, 'jwt'],
  ['session', { auth: 'session' }, 'session'],
  ['api-key', { auth: 'api-key' }, 'api-key'],
  ['jwt on sqlite', { auth: 'jwt', database: 'sqlite' }, 'jwt'],
  ['api-key on mysql', { auth: 'api-key', database: 'mysql' }, 'api-key'],
];

describe.each(cases)('audit trail, --auth %s', (_name, overrides, mode) => {
  const { tree } = generateTree(presetOptions('standard', overrides));
  const read = (path: string) => tree.readText(path) ?? '';
  const files = tree.files().filter((path) => path.endsWith('.ts')).map((path) => ({ path, text: read(path) }));
  const { recorded, calls } = scan(files);
  const declared = new Set([...read('src/lib/audit.ts').matchAll(/^ {2}'([a-z_.]+)': '(?:info|warn)',$/gm)].map((match) => match[1] ?? ''));

  it('ships the audit module, the role-change hook and the generated tests', () => {
    for (const file of [...COMMON_FILES, ...expected[mode].tests]) expect(tree.readText(file), file).toBeDefined();
    expect(read('src/routes/users.routes.ts')).toContain('auditRoleChanges(request, deps.auth.audit)');
  });

  it('records exactly the events of the mode, each declared with its level', () => {
    expect([...recorded].sort()).toEqual([...expected[mode].events].sort());
    for (const event of recorded) expect(declared.has(event), `${event} is not in AUDIT_EVENTS`).toBe(true);
  });

  it('documents each recorded event (name and level) in docs/auth.md, and only those', () => {
    const docs = read('docs/auth.md');
    expect(docs).toContain('## Audit log');
    const rows = [...docs.matchAll(/^\| `([a-z_.]+)` \| (info|warn) \|/gm)].map((match) => [match[1] ?? '', match[2] ?? '']);
    expect(rows.map(([event]) => event).sort()).toEqual([...recorded].sort());
    const levels = new Map([...read('src/lib/audit.ts').matchAll(/^ {2}'([a-z_.]+)': '(info|warn)',$/gm)].map((match) => [match[1], match[2]]));
    for (const [event, level] of rows) expect(levels.get(event), event).toBe(level);
    expect(docs).toContain('audit:true');
  });

  it('never hands a password, token, key or cookie to the audit log', () => {
    expect(calls.length).toBeGreaterThanOrEqual(expected[mode].events.length - 4);
    for (const { path, body } of calls) {
      expect(body, path).not.toMatch(/\b(password|passwordHash|token|refreshToken|refresh_token|access_token|csrfToken|key|cookie|keyHash)\b/);
    }
  });
});

describe('audit trail, --auth none', () => {
  it('has no audit module and no role-change hook: there is no one to audit', () => {
    const { tree } = generateTree(presetOptions('standard', { auth: 'none' }));
    for (const file of COMMON_FILES) expect(tree.readText(file), file).toBeUndefined();
    const routes = tree.readText('src/routes/users.routes.ts') ?? '';
    expect(routes).toContain('users.update(request.params.id, request.body),');
    expect(routes).not.toMatch(/audit/i);
  });
});
