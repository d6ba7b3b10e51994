import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import { readCookie as cookieValue } from '@lotsen/platform';

// The citizen form's protection against cross-site posts: a per-browser secret in a SameSite
// cookie and, per rendered form, a token = issue time + nonce + HMAC(secret, cookie, time, nonce).
// A foreign site can neither read the token nor make the browser send the cookie with its post.

export const CSRF_COOKIE = 'lotsen_form';
const MAX_AGE_MS = 4 * 3600_000;

export class FormTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', 'lotsen-form-csrf').update(secret).digest();
  }

  newBrowserSecret(): string {
    return randomBytes(18).toString('base64url');
  }

  issue(browserSecret: string, now = Date.now()): string {
    const nonce = randomBytes(12).toString('base64url');
    return `${now.toString(36)}.${nonce}.${this.mac(browserSecret, now.toString(36), nonce)}`;
  }

  /** The form's nonce (unique per rendered form) when the token is genuine and fresh. */
  verify(token: string | undefined, browserSecret: string | undefined, now = Date.now()): string | undefined {
    if (!token || !browserSecret || token.length > 200) return undefined;
    const [time, nonce, mac] = token.split('.');
    if (!time || !nonce || !mac) return undefined;
    const issued = parseInt(time, 36);
    if (!Number.isFinite(issued) || issued > now + 60_000 || now - issued > MAX_AGE_MS) return undefined;
    const expected = Buffer.from(this.mac(browserSecret, time, nonce));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? nonce : undefined;
  }

  private mac(secret: string, time: string, nonce: string): string {
    return createHmac('sha256', this.key).update(`${secret}|${time}|${nonce}`).digest('base64url');
  }
}

/** The form's CSRF secret, only when it has the shape this service gives it. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  const v = cookieValue(header, name);
  return v !== undefined && /^[A-Za-z0-9_-]{10,100}$/.test(v) ? v : undefined;
}
