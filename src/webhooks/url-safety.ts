// Where a webhook may be sent. Private, loopback, link-local and other special-purpose addresses
// are refused (unless the operator allows them with WEBHOOK_ALLOW_PRIVATE), both when an endpoint
// is saved and when a delivery connects: the connection's own DNS lookup is checked, so a name that
// resolves to a public address at save time and to 127.0.0.1 later (DNS rebinding) is refused too.
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

export class UnsafeAddressError extends Error {
  readonly code = 'WEBHOOK_UNSAFE_ADDRESS';
}

/** True for an address on the public internet (ipaddr.js' "unicast" range, IPv4-mapped unwrapped). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

/** Why `raw` cannot be a webhook URL (a sentence), or undefined when it can. Syntax only. */
export function urlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url must be an absolute http:// or https:// URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'url must start with https:// or http://';
  if (url.username || url.password) return 'url must not contain a user name or password';
  if (!url.hostname) return 'url must name a host';
  return undefined;
}

/** The addresses `hostname` resolves to (an address literal resolves to itself). */
async function resolveAll(hostname: string): Promise<string[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) return [host];
  const answers = await dns.promises.lookup(host, { all: true, verbatim: true });
  return answers.map((a) => a.address);
}

/** Checks, at save time, that the URL's host resolves only to addresses we may send to. */
export async function addressProblem(raw: string, allowPrivate: boolean): Promise<string | undefined> {
  if (allowPrivate) return undefined;
  const { hostname } = new URL(raw);
  let addresses: string[];
  try {
    addresses = await resolveAll(hostname);
  } catch {
    return `url's host ${hostname} could not be resolved`;
  }
  const bad = addresses.find((a) => !isPublicAddress(a));
  return bad === undefined ? undefined : `url's host resolves to ${bad}, a private, loopback or link-local address, which webhooks may not be sent to`;
}

/** A dns.lookup for http.request that fails the connection on an address we may not send to. */
export function safeLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      const bad = list.find((a) => !allowPrivate && !isPublicAddress(a.address));
      if (bad) return callback(new UnsafeAddressError(`${hostname} resolves to ${bad.address}, which webhooks may not be sent to`), '', 0);
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
