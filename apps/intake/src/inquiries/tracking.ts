import { createHash } from 'crypto';
import { wallClock } from '@lotsen/time-zone';
import { pooledRandomBytes } from './random-pool';

/** A random secret the citizen uses to follow the case; only its hash is stored. */
export function newTrackingToken(): string {
  return pooledRandomBytes(18).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function formatReference(prefix: string, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(6, '0')}`;
}

/** The year at `at` in the municipality's time zone. */
export function yearIn(timezone: string, at = new Date()): number {
  return wallClock(at.getTime(), timezone).y;
}

/** Canonical JSON (sorted keys) so the same body always hashes the same. */
export function canonicalHash(value: unknown): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon)
      : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])]))
      : v;
  return createHash('sha256').update(JSON.stringify(canon(value))).digest('hex');
}
