/**
 * The platform's own cookies (staff sessions, sign-in state, the citizen forms' CSRF secret) carry
 * base64url values only, so a plain split reads them and no cookie library is needed.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

export interface CookieOptions {
  secure: boolean;
  path?: string;
  /** Omitted: a browser-session cookie; 0 clears it. */
  maxAgeSeconds?: number;
  /** Lax by default: an identity provider's redirect back is a top-level GET that must carry it. */
  sameSite?: 'Lax' | 'Strict';
}

/** A Set-Cookie value: always httpOnly (no script reads our cookies), Secure behind https. */
export function cookieHeader(name: string, value: string, o: CookieOptions): string {
  const maxAge = o.maxAgeSeconds === undefined ? '' : `; Max-Age=${o.maxAgeSeconds}`;
  return `${name}=${value}; Path=${o.path ?? '/'}${maxAge}; HttpOnly; SameSite=${o.sameSite ?? 'Lax'}${o.secure ? '; Secure' : ''}`;
}
