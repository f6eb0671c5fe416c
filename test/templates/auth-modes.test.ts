import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateTree, presetOptions } from '../helpers/fixtures.js';

/** What each `--auth` mode puts in the tree: its files, variables, packages and secrets, and nothing of the others. */
const modes = {
  jwt: {
    files: ['migrations/0003_refresh_tokens/up.sql', 'src/lib/auth/access-tokens.ts', 'src/repositories/refresh-tokens.repository.ts'],
    env: ['JWT_SECRET', 'JWT_ACCESS_TTL', 'LOGIN_MAX_ATTEMPTS', 'ADMIN_PASSWORD'],
    packages: ['argon2', 'jose'],
    secret: 'JWT_SECRET',
  },
  session: {
    files: ['migrations/0003_sessions/up.sql', 'src/lib/auth/csrf.ts', 'src/repositories/sessions.repository.ts'],
    env: ['SESSION_SECRET', 'SESSION_COOKIE_SECURE', 'LOGIN_MAX_ATTEMPTS', 'ADMIN_PASSWORD'],
    packages: ['argon2', '@fastify/cookie'],
    secret: 'SESSION_SECRET',
  },
  'api-key': {
    files: ['migrations/0002_api_keys/up.sql', 'src/lib/auth/api-keys.ts', 'src/routes/api-keys.routes.ts'],
    env: ['ADMIN_NAME'],
    packages: [],
    secret: undefined,
  },
  none: { files: [], env: [], packages: [], secret: undefined },
} as const;

type Mode = keyof typeof modes;
const allOf = <K extends 'files' | 'env' | 'packages'>(key: K) => Object.values(modes).flatMap((m) => [...m[key]]);

describe.each(Object.keys(modes) as Mode[])('--auth %s', (mode) => {
  const { tree } = generateTree(presetOptions('standard', { auth: mode }));
  const expected = modes[mode];
  const read = (path: string) => tree.readText(path) ?? '';

  it('ships its own files and none of the other modes', () => {
    for (const file of expected.files) expect(tree.readText(file), file).toBeDefined();
    for (const file of allOf('files').filter((f) => !(expected.files as readonly string[]).includes(f))) {
      expect(tree.readText(file), `${file} belongs to another mode`).toBeUndefined();
    }
    const passwords = mode === 'jwt' || mode === 'session';
    expect(tree.readText('migrations/0002_auth/up.sql') !== undefined).toBe(passwords);
    expect(tree.readText('src/routes/auth.routes.ts') !== undefined).toBe(passwords);
    expect(tree.readText('src/lib/auth/passwords.ts') !== undefined).toBe(passwords);
    expect(tree.readText('src/routes/me.routes.ts') !== undefined).toBe(mode !== 'none');
    expect(tree.readText('docs/auth.md') !== undefined).toBe(mode !== 'none');
    // The seam files exist in every mode, so core code compiles whichever mode is chosen.
    for (const seam of ['src/middleware/access.ts', 'src/middleware/current-user.ts', 'src/db/seed-admin.ts', 'test/helpers/auth.ts']) {
      expect(tree.readText(seam), seam).toBeDefined();
    }
  });

  it('declares its variables, documents them, and refuses its secret in production', () => {
    const env = read('src/config/env.ts');
    const example = read('.env.example');
    for (const name of allOf('env')) {
      const own = (expected.env as readonly string[]).includes(name);
      expect(env.includes(`  ${name}: `), `${name} in envSchema`).toBe(own);
      expect(example.includes(`\n${name}=`), `${name} in .env.example`).toBe(own);
    }
    const secrets = /PRODUCTION_SECRETS = \[([^\]]*)\]/.exec(env)?.[1] ?? '';
    expect(secrets).toContain("'CURSOR_SECRET'");
    for (const other of Object.values(modes).map((m) => m.secret)) {
      if (other !== undefined) expect(secrets.includes(`'${other}'`)).toBe(other === expected.secret);
    }
  });

  it('depends on its packages only, and passes its secret to docker compose', () => {
    const dependencies = Object.keys((JSON.parse(read('package.json')) as { dependencies: Record<string, string> }).dependencies);
    for (const name of allOf('packages')) expect(dependencies.includes(name), name).toBe((expected.packages as readonly string[]).includes(name));
    const compose = parse(read('docker-compose.yml')) as { services: Record<string, { environment?: Record<string, string> }> };
    const appEnv = Object.keys(compose.services.app?.environment ?? {});
    if (expected.secret !== undefined) expect(appEnv).toContain(expected.secret);
    expect(read('README.md')).toContain(mode === 'none' ? 'both let everyone through' : '[docs/auth.md](docs/auth.md)');
  });

  it('wires the dependency container only when authentication exists', () => {
    const dependencies = read('src/app/dependencies.ts');
    expect(dependencies.includes('createAuthDependencies(')).toBe(mode !== 'none');
    expect(read('src/plugins/index.ts').includes('authenticationPlugin')).toBe(mode !== 'none');
  });
});
