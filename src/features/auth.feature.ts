import { withDialects, type FeatureManifest } from './types.js';

/**
 * Auth modes. Each ships its own version of the seam files (src/middleware/access.ts,
 * src/middleware/current-user.ts, src/db/seed-admin.ts, src/repositories/revoke-logins.ts where
 * passwords exist, test/helpers/auth.ts); core code only imports from those, so it is identical in
 * every mode.
 */
export const authNoneFeature: FeatureManifest = {
  id: 'auth-none',
  summary: 'Authentication (none)',
  selectedWhen: { option: 'auth', equals: 'none' },
  requires: ['core'],
  templates: ['auth/none'],
};

const jwtSecretInCompose = '${JWT_SECRET:?set JWT_SECRET (32+ random bytes) in your shell or .env}';

export const authJwtFeature: FeatureManifest = {
  id: 'auth-jwt',
  summary: 'Authentication (JWT)',
  selectedWhen: { option: 'auth', equals: 'jwt' },
  requires: ['core', 'rate-limit', 'auth-passwords'],
  dependencies: ['jose'],
  env: [
    { name: 'JWT_SECRET', schema: "z.string().refine((value) => Buffer.byteLength(value, 'utf8') >= MIN_SECRET_BYTES, `must be at least ${MIN_SECRET_BYTES} bytes`).default('dev-only-jwt-secret-change-me-in-production!!!!!')", example: 'replace-with-at-least-32-random-characters', description: 'Secret (32+ bytes) that signs access tokens (HS256). Required in production, where this example value\nand the built-in development default are refused. Generate one with: openssl rand -base64 48', secret: true },
    { name: 'JWT_ISSUER', schema: "z.string().trim().min(1).default('solid-backend')", example: 'solid-backend', description: 'Issuer (iss) and audience (aud) written into access tokens and required when verifying them.' },
    { name: 'JWT_AUDIENCE', schema: "z.string().trim().min(1).default('solid-backend-api')", example: 'solid-backend-api', description: 'Issuer (iss) and audience (aud) written into access tokens and required when verifying them.' },
    { name: 'JWT_ACCESS_TTL', schema: 'int(60, 24 * 3600).default(900)', example: '900', description: 'Lifetime of an access token, in seconds (15 minutes).' },
    { name: 'JWT_REFRESH_TTL', schema: 'int(300, 365 * 24 * 3600).default(1209600)', example: '1209600', description: 'Lifetime of a refresh token, in seconds (14 days); each refresh issues a new one.' },
  ],
  templates: withDialects('auth/jwt'),
  registrations: [
    { point: 'plugins', symbol: 'authenticationPlugin', from: 'src/plugins/authentication.ts' },
    { point: 'routes', symbol: 'authRoutes', from: 'src/routes/auth.routes.ts' },
  ],
  compose: {
    migrate: { definition: { environment: { JWT_SECRET: jwtSecretInCompose } } },
    app: { definition: { environment: { JWT_SECRET: jwtSecretInCompose } } },
  },
};

const sessionSecretInCompose = '${SESSION_SECRET:?set SESSION_SECRET (32+ random bytes) in your shell or .env}';

export const authSessionFeature: FeatureManifest = {
  id: 'auth-session',
  summary: 'Authentication (sessions)',
  selectedWhen: { option: 'auth', equals: 'session' },
  requires: ['core', 'database-postgres', 'rate-limit', 'auth-passwords'],
  dependencies: ['@fastify/cookie'],
  env: [
    { name: 'SESSION_SECRET', schema: "z.string().refine((value) => Buffer.byteLength(value, 'utf8') >= MIN_SECRET_BYTES, `must be at least ${MIN_SECRET_BYTES} bytes`).default('dev-only-session-secret-change-me-in-production!!')", example: 'replace-with-at-least-32-random-characters', description: "Secret (32+ bytes) that derives each session's CSRF token (an HMAC of the session id). Required in\nproduction, where this example value and the built-in development default are refused.\nGenerate one with: openssl rand -base64 48", secret: true },
    { name: 'SESSION_TTL', schema: 'int(300, 365 * 24 * 3600).default(604800)', example: '604800', description: 'Longest life of a session, in seconds from login (7 days; at least 300). Logging in again starts a new one.' },
    { name: 'SESSION_IDLE_TIMEOUT', schema: 'int(0, 365 * 24 * 3600).default(0)', example: '0', description: 'End a session after this many seconds without a request (0: only SESSION_TTL ends it), e.g. 1800.' },
    { name: 'SESSION_COOKIE_NAME', schema: "z.string().regex(/^[!#$%&'*+\\-.^_`|~0-9A-Za-z]{1,64}$/, 'must be a cookie name (an RFC 6265 token of at most 64 characters)').default('sid')", example: 'sid', description: 'Name of the session cookie. In production prefer __Host-sid: browsers then accept it only with Secure,\nPath=/ and no Domain, so no other subdomain can set or overwrite it.' },
    { name: 'SESSION_COOKIE_SECURE', schema: 'z.stringbool().default(true)', example: 'true', description: 'Send the cookie over HTTPS only (true/false). Browsers treat http://localhost as secure, so true works in\nlocal development; set false only for plain-HTTP hosts other than localhost. Refused in production.' },
  ],
  templates: ['auth/session'],
  registrations: [
    { point: 'plugins', symbol: 'authenticationPlugin', from: 'src/plugins/authentication.ts' },
    { point: 'routes', symbol: 'authRoutes', from: 'src/routes/auth.routes.ts' },
  ],
  compose: {
    migrate: { definition: { environment: { SESSION_SECRET: sessionSecretInCompose } } },
    app: { definition: { environment: { SESSION_SECRET: sessionSecretInCompose } } },
  },
};

/** What the password-based modes share: Argon2id accounts, lockout, password reset, the first admin. */
export const authPasswordsFeature: FeatureManifest = {
  id: 'auth-passwords',
  summary: 'Password accounts, lockout, reset',
  selectedWhen: { option: 'auth', oneOf: ['jwt', 'session'] },
  requires: ['core', 'rate-limit', 'auth-common'],
  dependencies: ['argon2'],
  env: [
    { name: 'LOGIN_MAX_ATTEMPTS', schema: 'int(1, 1000).default(5)', example: '5', description: 'Failed logins (within LOGIN_LOCKOUT_MINUTES) after which an email is locked out (429 ACCOUNT_LOCKED).' },
    { name: 'LOGIN_LOCKOUT_MINUTES', schema: 'int(1, 24 * 60).default(15)', example: '15', description: 'How long a lockout lasts, in minutes.' },
    { name: 'PASSWORD_RESET_TTL_MINUTES', schema: 'int(5, 60).default(30)', example: '30', description: 'How long a password-reset link stays valid, in minutes (5 to 60).' },
    { name: 'PASSWORD_RESET_URL', schema: "z.url({ protocol: /^https?$/ }).default('http://localhost:3000/reset-password')", example: 'http://localhost:3000/reset-password', description: 'Page of your front end that receives ?token=… from the reset email and posts it to /api/v1/auth/password/reset.' },
    { name: 'AUTH_RATE_LIMIT_MAX', schema: 'int(1, 1_000_000).default(10)', example: '10', description: 'Requests allowed per window on each /api/v1/auth/* route, per client: stricter than RATE_LIMIT_MAX.' },
    { name: 'ADMIN_PASSWORD', schema: "z.union([z.literal(''), z.string().min(8).max(100)]).optional().transform((value) => value || undefined)", example: '', description: 'Password of the first admin (8 to 100 characters); `npm run db:seed` creates it when ADMIN_EMAIL is set too.' },
  ],
  templates: withDialects('auth/passwords'),
  // Register and password reset are the same in every password mode; login is not, so each mode registers its authRoutes.
  registrations: [{ point: 'routes', symbol: 'accountRoutes', from: 'src/routes/account.routes.ts' }],
};

/** What every mode with callers shares: random secrets hashed at rest, /users/me, the first admin's email. */
export const authCommonFeature: FeatureManifest = {
  id: 'auth-common',
  summary: 'Authentication (common to every mode)',
  selectedWhen: { option: 'auth', oneOf: ['jwt', 'session', 'api-key'] },
  requires: ['core', 'rate-limit'],
  env: [
    { name: 'ADMIN_EMAIL', schema: "z.string().trim().toLowerCase().pipe(z.union([z.literal(''), z.email().max(254)])).optional().transform((value) => value || undefined)", example: '', description: 'Email of the first admin, created by `npm run db:seed` (see docs/auth.md). Empty: no admin is created.' },
  ],
  templates: ['auth/common'],
  registrations: [{ point: 'routes', symbol: 'meRoutes', from: 'src/routes/me.routes.ts' }],
};

export const authApiKeyFeature: FeatureManifest = {
  id: 'auth-api-key',
  summary: 'Authentication (API keys)',
  selectedWhen: { option: 'auth', equals: 'api-key' },
  requires: ['core', 'rate-limit', 'auth-common'],
  env: [
    { name: 'ADMIN_NAME', schema: "z.string().trim().max(100).optional().transform((value) => value || 'Admin')", example: 'Admin', description: 'Display name of that admin (1 to 100 characters; empty means "Admin").' },
  ],
  templates: withDialects('auth/api-key'),
  registrations: [
    { point: 'plugins', symbol: 'authenticationPlugin', from: 'src/plugins/authentication.ts' },
    { point: 'routes', symbol: 'apiKeysRoutes', from: 'src/routes/api-keys.routes.ts' },
  ],
};
