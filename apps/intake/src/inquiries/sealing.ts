import { createCipheriv, createDecipheriv, createHash } from 'crypto';
import { pooledRandomBytes } from './random-pool';

/** AES-256-GCM for small secrets at rest (an idempotent reply holds the tracking token). */
export class Sealer {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHash('sha256').update(`lotsen-seal:${secret}`).digest();
  }

  seal(plain: string): string {
    const iv = pooledRandomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return [iv, c.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
  }

  unseal(sealed: string): string {
    const [iv, tag, data] = sealed.split('.').map((s) => Buffer.from(s, 'base64url'));
    const d = createDecipheriv('aes-256-gcm', this.key, iv);
    d.setAuthTag(tag);
    return Buffer.concat([d.update(data), d.final()]).toString('utf8');
  }
}
