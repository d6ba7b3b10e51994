// Opt-out links carry a signed token instead of the address: `<tenant>.<addressKey>.<lang>.<sig>`.
// The address key is an HMAC of the normalised address, so neither the link nor the suppression
// list holds an address, and nobody can forge a token for someone else's address.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface OptOutClaim {
  tenantId: string;
  addressKey: string;
  /** Language of the page shown. */
  language: string;
}

/** The stable, secret-keyed id of an address (e-mail case-insensitive, phone digits only). */
export function addressKey(secret: string, address: string): string {
  const a = address.trim();
  const normalised = a.includes('@') ? a.toLowerCase() : a.replace(/[^\d+]/g, '');
  return createHmac('sha256', secret).update(`address:${normalised}`).digest('base64url').slice(0, 32);
}

function signature(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`opt-out:${body}`).digest('base64url').slice(0, 32);
}

const PART = /^[A-Za-z0-9_-]+$/;

export function signOptOutToken(secret: string, claim: OptOutClaim): string {
  for (const v of [claim.tenantId, claim.addressKey, claim.language]) {
    if (!PART.test(v)) throw new Error('opt-out token parts must be URL-safe');
  }
  const body = `${claim.tenantId}.${claim.addressKey}.${claim.language}`;
  return `${body}.${signature(secret, body)}`;
}

/** The claim of a genuine token; undefined for anything forged, truncated or malformed. */
export function verifyOptOutToken(secret: string, token: string): OptOutClaim | undefined {
  if (typeof token !== 'string' || token.length > 300) return undefined;
  const parts = token.split('.');
  if (parts.length !== 4 || !parts.every((p) => PART.test(p))) return undefined;
  const [tenantId, key, language, sig] = parts;
  const expected = Buffer.from(signature(secret, `${tenantId}.${key}.${language}`));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { tenantId, addressKey: key, language };
}
