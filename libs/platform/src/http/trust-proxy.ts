import { isIP } from 'node:net';
import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Which proxies' `X-Forwarded-For` is believed (Fastify's `trustProxy`): none (false), the
 * nearest N hops, or the listed addresses/CIDRs. Trusting every client would let anyone pick the
 * address the abuse limits count against, so "true" is not accepted.
 */
export type TrustProxySetting = false | number | string[];

/** proxy-addr's names for the private ranges, as Fastify accepts them. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY`: empty/unset/`false`/`0` = off; a whole number = that many hops; otherwise a
 * comma-separated list of addresses, CIDRs or loopback/linklocal/uniquelocal. Throws on anything else.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxySetting {
  const value = (raw ?? '').trim();
  if (!value || /^(false|off|no|0)$/i.test(value)) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new Error('TRUST_PROXY: a hop count above 10 is not a real proxy chain');
    return hops;
  }
  if (/^(true|yes|on|\*)$/i.test(value)) {
    throw new Error('TRUST_PROXY: trusting every client is not allowed; give the proxies\' addresses/CIDRs or a hop count');
  }
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  const wrong = entries.filter((e) => !isAddressOrCidr(e));
  if (wrong.length) throw new Error(`TRUST_PROXY: not an address or CIDR: ${wrong.join(', ')}`);
  return entries;
}

/** Config field check: the raw TRUST_PROXY value parses. */
export function IsTrustProxy(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isTrustProxy',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'must be empty, a hop count, or a comma-separated list of proxy addresses/CIDRs', ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            parseTrustProxy(value);
            return true;
          } catch {
            return false;
          }
        },
      },
    });
  };
}
