import { describe, expect, it } from 'vitest';
import { createCsrfTokens, csrfTokensMatch } from '../../src/lib/auth/csrf.js';

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';
const SESSION = 'Zm9yLXRlc3RzLW9ubHktYS1zZXNzaW9uLWlkLXZhbHVl';

describe('CSRF tokens (HMAC of the session id)', () => {
  it('are 256-bit base64url values, the same for one session and secret', () => {
    const tokens = createCsrfTokens(SECRET);
    const token = tokens.issue(SESSION);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens.issue(SESSION)).toBe(token);
    expect(createCsrfTokens(SECRET).issue(SESSION)).toBe(token);
  });

  it('differ for another session or another secret, and never contain the session id', () => {
    const token = createCsrfTokens(SECRET).issue(SESSION);
    expect(createCsrfTokens(SECRET).issue(`${SESSION}x`)).not.toBe(token);
    expect(createCsrfTokens(`${SECRET}x`).issue(SESSION)).not.toBe(token);
    expect(token).not.toContain(SESSION.slice(0, 8));
  });

  it('verify only the exact token of the session', () => {
    const tokens = createCsrfTokens(SECRET);
    const token = tokens.issue(SESSION);
    expect(tokens.verify(SESSION, token)).toBe(true);
    for (const wrong of [undefined, '', token.slice(1), `${token}=`, token.toUpperCase(), tokens.issue('another-session')]) {
      expect(tokens.verify(SESSION, wrong), String(wrong)).toBe(false);
    }
    expect(csrfTokensMatch(token, token)).toBe(true);
    expect(csrfTokensMatch(token, 'é'.repeat(22))).toBe(false);
  });
});
