import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCursorCodec } from '../../src/utils/cursor.js';

const codec = createCursorCodec('s'.repeat(32));
const payload = { fingerprint: '[["-createdAt"],null,null,null]', position: ['2025-01-01T00:00:00.000Z', 'id-1'] };

describe('cursor codec', () => {
  it('round-trips an opaque, URL-safe token', () => {
    const token = codec.encode(payload);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(codec.decode(token)).toEqual(payload);
  });

  it('rejects a token whose payload was changed', () => {
    const [, signature] = codec.encode(payload).split('.');
    const body = Buffer.from(JSON.stringify({ f: payload.fingerprint, p: ['2099-01-01T00:00:00.000Z', 'id-1'] })).toString('base64url');
    expect(codec.decode(`${body}.${signature}`)).toBeNull();
  });

  it('rejects a token whose signature was changed or that another secret signed', () => {
    const token = codec.encode(payload);
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(codec.decode(flipped)).toBeNull();
    expect(createCursorCodec('t'.repeat(32)).decode(token)).toBeNull();
  });

  it('rejects garbage without throwing', () => {
    for (const junk of ['', '.', 'abc', 'a.b.c', '%%%.%%%', `${Buffer.from('{}').toString('base64url')}.x`]) {
      expect(codec.decode(junk)).toBeNull();
    }
  });

  it('rejects a validly signed token whose payload has the wrong shape', () => {
    const body = Buffer.from(JSON.stringify({ f: 1, p: [] })).toString('base64url');
    const signature = createHmac('sha256', 's'.repeat(32)).update(body).digest('base64url');
    expect(codec.decode(`${body}.${signature}`)).toBeNull();
  });
});
