import { randomUUID } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createAccessTokens, type AccessTokenOptions } from '../../src/lib/auth/access-tokens.js';
import { FakeClock } from '../helpers/clock.js';

const options: AccessTokenOptions = {
  secret: 's'.repeat(40),
  issuer: 'test-issuer',
  audience: 'test-audience',
  ttlSeconds: 900,
};
const tokens = createAccessTokens(options);
const user = { id: randomUUID(), role: 'user' as const };
const key = new TextEncoder().encode(options.secret);

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token with every claim right, signed with `alg` and `secret` as given. */
function craft(claims: Record<string, unknown>, alg = 'HS256', secret = key) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: 'admin', ...claims })
    .setProtectedHeader({ alg })
    .setSubject(user.id)
    .setIssuer(String(claims.iss ?? options.issuer))
    .setAudience(String(claims.aud ?? options.audience))
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(secret);
}

describe('access tokens', () => {
  it('carry sub, role, iat and exp (TTL), iss and aud, signed with HS256', async () => {
    const token = await tokens.sign(user);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: user.id, role: 'user', iss: 'test-issuer', aud: 'test-audience' });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
    expect(await tokens.verify(token)).toEqual({ ok: true, claims: user });
  });

  it('refuse a forged alg:none token, with or without a signature part', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsecured = new UnsecuredJWT({ role: 'admin' })
      .setSubject(user.id)
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .encode();
    expect(decodeProtectedHeader(unsecured).alg).toBe('none');
    expect(await tokens.verify(unsecured)).toEqual({ ok: false, reason: 'invalid' });

    const real = (await tokens.sign(user)).split('.');
    const noneHeader = b64({ alg: 'none', typ: 'JWT' });
    expect(await tokens.verify(`${noneHeader}.${real[1]}.${real[2]}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await tokens.verify(`${noneHeader}.${real[1]}.`)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuse a tampered payload and a bad signature', async () => {
    const [header, payload, signature] = (await tokens.sign(user)).split('.');
    const escalated = b64({ ...decodeJwt(`${header}.${payload}.${signature}`), role: 'admin' });
    expect(await tokens.verify(`${header}.${escalated}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await tokens.verify(`${header}.${payload}.${signature?.slice(0, -4)}AAAA`)).toEqual({ ok: false, reason: 'invalid' });
    const otherSecret = new TextEncoder().encode('x'.repeat(40));
    expect(await tokens.verify(await craft({}, 'HS256', otherSecret))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('accept only HS256, even with the right secret', async () => {
    expect((await tokens.verify(await craft({}))).ok).toBe(true);
    for (const alg of ['HS384', 'HS512']) {
      expect(await tokens.verify(await craft({}, alg))).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuse a wrong issuer or audience', async () => {
    expect(await tokens.verify(await craft({ iss: 'someone-else' }))).toEqual({ ok: false, reason: 'invalid' });
    expect(await tokens.verify(await craft({ aud: 'another-api' }))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuse claims the app never issues (no sub, unknown role)', async () => {
    expect(await tokens.verify(await craft({ role: 'root' }))).toEqual({ ok: false, reason: 'invalid' });
    const now = Math.floor(Date.now() / 1000);
    const anonymous = await new SignJWT({ role: 'user' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(key);
    expect(await tokens.verify(anonymous)).toEqual({ ok: false, reason: 'invalid' });
    expect(await tokens.verify('not.a.jwt')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('report an expired token as expired, and only a genuine one', async () => {
    const clock = new FakeClock();
    const issued = await createAccessTokens({ ...options, clock }).sign(user);
    clock.advance(899_000);
    const later = createAccessTokens({ ...options, clock });
    expect((await later.verify(issued)).ok).toBe(true);
    clock.advance(2_000);
    expect(await later.verify(issued)).toEqual({ ok: false, reason: 'expired' });
    // An expired token with a bad signature is just invalid: expiry is only reported for real tokens.
    const [header, payload] = issued.split('.');
    expect(await later.verify(`${header}.${payload}.AAAA`)).toEqual({ ok: false, reason: 'invalid' });
  });
});
