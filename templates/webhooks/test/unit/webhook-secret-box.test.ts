import { describe, expect, it } from 'vitest';
import { createSecretBox, UnreadableSecretError } from '../../src/lib/webhooks/secret-box.js';

const KEY = 'a-test-key-of-more-than-thirty-two-bytes!!';

describe('webhook secret box (AES-256-GCM at rest)', () => {
  it('seals to an opaque versioned string and opens it again with the same key and context', () => {
    const box = createSecretBox(KEY);
    const sealed = box.seal('whsec_top-secret', 'subscription-1');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('top-secret');
    expect(box.open(sealed, 'subscription-1')).toBe('whsec_top-secret');
    // A fresh IV every time: equal secrets do not give equal ciphertexts.
    expect(box.seal('whsec_top-secret', 'subscription-1')).not.toBe(sealed);
  });

  it('refuses another key, another context (a ciphertext moved to another row) and any altered byte', () => {
    const sealed = createSecretBox(KEY).seal('whsec_top-secret', 'subscription-1');
    expect(() => createSecretBox(`${KEY}?`).open(sealed, 'subscription-1')).toThrow(UnreadableSecretError);
    expect(() => createSecretBox(KEY).open(sealed, 'subscription-2')).toThrow(UnreadableSecretError);
    const [version, iv, ciphertext, tag] = sealed.split('.');
    const flipped = `${ciphertext?.startsWith('A') ? 'B' : 'A'}${ciphertext?.slice(1)}`;
    expect(() => createSecretBox(KEY).open([version, iv, flipped, tag].join('.'), 'subscription-1')).toThrow(UnreadableSecretError);
    expect(() => createSecretBox(KEY).open('v2.a.b.c', 'subscription-1')).toThrow(UnreadableSecretError);
    expect(() => createSecretBox(KEY).open('garbage', 'subscription-1')).toThrow(UnreadableSecretError);
  });

  it('never puts the secret or the key in its error message', () => {
    const sealed = createSecretBox(KEY).seal('whsec_top-secret', 'subscription-1');
    const error = (() => {
      try {
        createSecretBox('another-key-of-more-than-thirty-two-bytes').open(sealed, 'subscription-1');
      } catch (caught) {
        return caught as Error;
      }
      return null;
    })();
    expect(error?.message).toContain('WEBHOOK_SECRET_KEY');
    expect(error?.message).not.toMatch(/top-secret|another-key/);
  });
});
