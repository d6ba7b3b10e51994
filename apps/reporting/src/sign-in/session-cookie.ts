import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'crypto';

/** A signed-in person's tokens, sealed into an httpOnly cookie: nothing to share between instances. */
export interface StaffSession {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Access token expiry, epoch seconds. */
  expiresAt: number;
  /** Last request, epoch seconds (the session ends after inactivity). */
  seenAt: number;
}

/** The state of a sign-in under way: PKCE verifier, state, and where to return. */
export interface PendingSignIn {
  verifier: string;
  state: string;
  nonce: string;
}

export const SESSION_COOKIE = 'lotsen_session';
export const SIGN_IN_COOKIE = 'lotsen_sign_in';

/** AES-256-GCM: a cookie the browser can neither read (httpOnly) nor alter. */
export class CookieSealer {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHash('sha256').update(`lotsen-session:${secret}`).digest();
  }

  seal(value: object): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  unseal<T>(sealed: string | undefined): T | undefined {
    if (!sealed || sealed.length > 8000) return undefined;
    try {
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as T;
    } catch {
      return undefined;
    }
  }
}
