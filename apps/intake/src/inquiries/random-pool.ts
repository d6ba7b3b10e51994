import { randomBytes, randomFillSync } from 'crypto';

const pool = Buffer.alloc(4096);
let offset = pool.length;

/**
 * Cryptographically random bytes cut from a 4 KiB block that is refilled in one call, as Node does
 * for randomUUID: randomBytes makes a system call each time, and a registration needs two (its
 * tracking token and the seal of its idempotent answer). Each byte is handed out once, as a copy.
 */
export function pooledRandomBytes(n: number): Buffer {
  if (n > pool.length / 8) return randomBytes(n);
  if (offset + n > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + n));
  offset += n;
  return bytes;
}
