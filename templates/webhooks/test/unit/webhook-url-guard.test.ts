import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, UnsafeWebhookUrlError, type ResolvedAddress, type Resolver } from '../../src/lib/webhooks/url-guard.js';

/** A DNS stand-in: names map to the addresses they "resolve" to; anything else does not exist. */
function fakeDns(answers: Record<string, string[]>): Resolver {
  return async (hostname: string): Promise<ResolvedAddress[]> => {
    const addresses = answers[hostname];
    if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

const dns = fakeDns({
  'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.example.com': ['10.0.0.7'],
  'sneaky.example.com': ['93.184.215.14', '127.0.0.1'],
  'mapped.example.com': ['::ffff:192.168.0.1'],
  'metadata.example.com': ['169.254.169.254'],
  'v6-loopback.example.com': ['::1'],
});

async function refusal(url: string, allowPrivate = false, resolve: Resolver = dns): Promise<string> {
  const error = await checkWebhookUrl(url, { allowPrivate, resolve }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, url).toBeInstanceOf(UnsafeWebhookUrlError);
  return (error as UnsafeWebhookUrlError).message;
}

describe('webhook URL guard', () => {
  it('accepts a public https URL and returns every address it resolved to', async () => {
    const target = await checkWebhookUrl('https://hooks.example.com/in?x=1', { allowPrivate: false, resolve: dns });
    expect(target.url.href).toBe('https://hooks.example.com/in?x=1');
    expect(target.addresses).toEqual([
      { address: '93.184.215.14', family: 4 },
      { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
    ]);
  });

  it('refuses schemes other than http(s), credentials in the URL and what is not a URL', async () => {
    expect(await refusal('ftp://hooks.example.com/')).toBe('must use http or https');
    expect(await refusal('file:///etc/passwd')).toBe('must use http or https');
    expect(await refusal('javascript:alert(1)')).toBe('must use http or https');
    expect(await refusal('https://user:pass@hooks.example.com/')).toContain('user name or password');
    expect(await refusal('not a url')).toBe('is not a valid URL');
  });

  it('refuses IPv4 and IPv6 literals in loopback, private and link-local ranges, however they are spelled', async () => {
    // An IP literal is judged as it is: asking DNS about it would be a way around the check.
    const asked: string[] = [];
    const recording: Resolver = async (hostname) => {
      asked.push(hostname);
      return [];
    };
    for (const url of [
      'http://127.0.0.1/',
      'http://2130706433/', // 127.0.0.1 as one decimal number
      'http://0x7f.1/', // and in hex
      'http://0.0.0.0:8080/',
      'http://10.1.2.3/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
    ]) {
      expect(await refusal(url, false, recording), url).toMatch(/^must not point to a private address: /);
    }
    expect(asked).toEqual([]);
  });

  it('refuses names that resolve to private addresses, even when only one of several answers is private', async () => {
    expect(await refusal('https://internal.example.com/')).toBe(
      'must not point to a private address: host internal.example.com resolves to 10.0.0.7 (loopback, private or reserved)',
    );
    expect(await refusal('https://sneaky.example.com/')).toContain('127.0.0.1');
    expect(await refusal('https://mapped.example.com/')).toContain('embeds 192.168.0.1');
    expect(await refusal('https://metadata.example.com/')).toContain('169.254.169.254');
    expect(await refusal('https://v6-loopback.example.com/')).toContain('::1');
  });

  it('resolves localhost with the system resolver (no network needed) and refuses it', async () => {
    const error = await checkWebhookUrl('http://localhost:3000/hook', { allowPrivate: false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnsafeWebhookUrlError);
    expect((error as Error).message).toMatch(/host localhost resolves to (127\.0\.0\.1|::1)/);
  });

  it('refuses names that do not resolve, or not in time', async () => {
    expect(await refusal('https://nowhere.example.com/')).toBe('host nowhere.example.com could not be resolved');
    const hanging: Resolver = () => new Promise(() => {});
    const error = await checkWebhookUrl('https://slow.example.com/', { allowPrivate: false, resolve: hanging, resolveTimeoutMs: 30 }).catch(
      (caught: unknown) => caught,
    );
    expect((error as Error).message).toBe('host slow.example.com took too long to resolve');
  });

  it('WEBHOOK_ALLOW_PRIVATE_URLS=true allows loopback and private targets, but still only http(s)', async () => {
    const loopback = await checkWebhookUrl('http://127.0.0.1:8080/hook', { allowPrivate: true, resolve: dns });
    expect(loopback.addresses).toEqual([{ address: '127.0.0.1', family: 4 }]);
    const v6 = await checkWebhookUrl('http://[::1]:8080/hook', { allowPrivate: true, resolve: dns });
    expect(v6.addresses).toEqual([{ address: '::1', family: 6 }]);
    expect((await checkWebhookUrl('https://internal.example.com/', { allowPrivate: true, resolve: dns })).addresses).toEqual([
      { address: '10.0.0.7', family: 4 },
    ]);
    expect(await refusal('ftp://127.0.0.1/', true)).toBe('must use http or https');
  });
});
