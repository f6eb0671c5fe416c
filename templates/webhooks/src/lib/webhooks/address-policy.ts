import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * Which IP addresses a webhook may never reach (SSRF): a subscriber must not be able to make this
 * server call its own loopback, the cloud metadata endpoint (169.254.169.254), or any host on the
 * private network behind it. Addresses that embed an IPv4 address (IPv4-mapped, NAT64, 6to4) are
 * judged by the address they embed. Anything that does not parse is refused: fail closed.
 */

const FORBIDDEN_IPV4: readonly [network: string, prefix: number][] = [
  ['0.0.0.0', 8], // "this network", including the unspecified 0.0.0.0
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12], // private (RFC 1918)
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation (TEST-NET-1)
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private (RFC 1918)
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation (TEST-NET-2)
  ['203.0.113.0', 24], // documentation (TEST-NET-3)
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast 255.255.255.255
];

const FORBIDDEN_IPV6: readonly [network: string, prefix: number][] = [
  ['::', 96], // unspecified (::), loopback (::1) and the deprecated IPv4-compatible addresses
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
  ['2001::', 32], // Teredo tunnels: the IPv4 address inside is obfuscated, so it cannot be judged
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local addresses (the IPv6 private range)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed by some networks)
  ['ff00::', 8], // multicast
];

function blockList(ranges: readonly [string, number][], family: 'ipv4' | 'ipv6'): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of ranges) list.addSubnet(network, prefix, family);
  return list;
}

const forbiddenV4 = blockList(FORBIDDEN_IPV4, 'ipv4');
const forbiddenV6 = blockList(FORBIDDEN_IPV6, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (zone id dropped), or null when it does not parse. */
function ipv6Groups(address: string): number[] | null {
  const withoutZone = address.split('%')[0] ?? '';
  if (!isIPv6(withoutZone)) return null;
  // The URL parser canonicalises the address (hex groups only, an embedded dotted quad converted).
  const canonical = new URL(`http://[${withoutZone}]/`).hostname.slice(1, -1);
  const [head = '', tail] = canonical.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  const groups = [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16));
  return groups.length === 8 ? groups : null;
}

const dottedQuad = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/** The IPv4 address an IPv6 address stands for, where it embeds one that a router would act on. */
function embeddedIPv4(groups: number[]): string | null {
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups;
  const zeroUpTo = (count: number) => groups.slice(0, count).every((group) => group === 0);
  if (zeroUpTo(5) && g5 === 0xffff) return dottedQuad(g6, g7); // ::ffff:a.b.c.d, IPv4-mapped
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return dottedQuad(g6, g7); // NAT64
  if (g0 === 0x2002) return dottedQuad(g1 ?? 0, g2 ?? 0); // 6to4: 2002:AABB:CCDD::/48
  return null;
}

/** Why `address` may not be called ("10.0.0.1 (loopback, private or reserved)"), or null when it is public unicast. */
export function forbiddenAddressReason(address: string): string | null {
  if (isIPv4(address)) return forbiddenV4.check(address, 'ipv4') ? `${address} (loopback, private or reserved)` : null;
  const groups = ipv6Groups(address);
  if (groups === null) return `${address} (not an IP address)`;
  const embedded = embeddedIPv4(groups);
  if (embedded !== null) {
    return forbiddenV4.check(embedded, 'ipv4') ? `${address} (embeds ${embedded}: loopback, private or reserved)` : null;
  }
  const normalised = address.split('%')[0] ?? address;
  return forbiddenV6.check(normalised, 'ipv6') ? `${address} (loopback, link-local, private or reserved)` : null;
}
