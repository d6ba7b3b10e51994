import { createHash } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import { intEnv } from '@lotsen/config';
import { ProblemException } from '@lotsen/platform';

/** How many inquiries the public interfaces (citizen form, Open311) take in an hour. */
export class SubmissionLimitsConfig {
  /** Citizen form, from one client address (a household, an office behind one NAT address). */
  @IsInt() @Min(1) @Max(100_000)
  perClientPerHour: number;

  /** Open311 POST, from one client address: a FixMyStreet server posts for many citizens. */
  @IsInt() @Min(1) @Max(100_000)
  open311PerClientPerHour: number;

  /** Naming one e-mail address or phone number as the citizen's: each one makes us send a receipt there. */
  @IsInt() @Min(1) @Max(10_000)
  perRecipientPerHour: number;
}

export function readSubmissionLimits(env: Record<string, string | undefined>): SubmissionLimitsConfig {
  return {
    perClientPerHour: intEnv(env.SUBMISSIONS_PER_CLIENT_PER_HOUR, 20),
    open311PerClientPerHour: intEnv(env.OPEN311_SUBMISSIONS_PER_CLIENT_PER_HOUR, 200),
    perRecipientPerHour: intEnv(env.SUBMISSIONS_PER_RECIPIENT_PER_HOUR, 5),
  };
}

export const SUBMISSION_LIMITS = Symbol('SUBMISSION_LIMITS');

/** Who a submission comes from and whom it would make us write to. */
export interface SubmissionOrigin {
  tenantId: string;
  via: 'form' | 'open311';
  /** The client's address as the HTTP layer sees it (TRUST_PROXY decides whether a proxy may say). */
  client?: string;
  email?: string;
  phone?: string;
}

const HOUR_MS = 3600_000;
/** Bounds the memory a flood of distinct addresses can take; windows are an hour long anyway. */
const MAX_TRACKED = 200_000;

/**
 * Fixed one-hour windows, counted in memory per instance (with N instances a flood gets at most
 * N times the limit through; notifications caps receipts per address on top). Addresses are
 * kept only as hashes. A refused submission counts for nothing, so a flood does not extend the
 * window of the address it names.
 */
@Injectable()
export class SubmissionLimiter {
  private readonly windows = new Map<string, { count: number; start: number }>();

  constructor(@Inject(SUBMISSION_LIMITS) private readonly limits: SubmissionLimitsConfig) {}

  /** Counts the submission, or throws 429 (nothing counted) when one of its keys is used up. */
  admit(origin: SubmissionOrigin, now = Date.now()): void {
    const keys: Array<{ key: string; limit: number; what: string }> = [];
    if (origin.client) {
      const limit = origin.via === 'open311' ? this.limits.open311PerClientPerHour : this.limits.perClientPerHour;
      keys.push({ key: `c:${origin.via}:${origin.tenantId}:${origin.client}`, limit, what: 'from this address' });
    }
    for (const r of recipientKeys(origin)) keys.push({ key: `r:${origin.tenantId}:${r}`, limit: this.limits.perRecipientPerHour, what: 'for this e-mail address or phone number' });
    let retryAfterMs = 0;
    let refused: string | undefined;
    for (const k of keys) {
      const w = this.current(k.key, now);
      if (w && w.count >= k.limit) {
        refused ??= k.what;
        retryAfterMs = Math.max(retryAfterMs, w.start + HOUR_MS - now);
      }
    }
    if (refused) {
      throw ProblemException.of(429, 'too-many-submissions', `Too many inquiries ${refused} in the last hour; please try again later.`, {
        retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
      });
    }
    if (this.windows.size > MAX_TRACKED) this.evictExpired(now);
    for (const k of keys) {
      const w = this.current(k.key, now);
      if (w) w.count++;
      else this.windows.set(k.key, { count: 1, start: now });
    }
  }

  private current(key: string, now: number): { count: number; start: number } | undefined {
    const w = this.windows.get(key);
    if (w && now - w.start >= HOUR_MS) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  private evictExpired(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= HOUR_MS) this.windows.delete(key);
    if (this.windows.size > MAX_TRACKED) this.windows.clear();
  }
}

/** The same mailbox or number however it is written: lower-case e-mail, digits of the phone number. */
function recipientKeys(o: SubmissionOrigin): string[] {
  const keys: string[] = [];
  const email = o.email?.trim().toLowerCase();
  if (email) keys.push(digest(`e:${email}`));
  const digits = o.phone?.replace(/\D/g, '').replace(/^00/, '').replace(/^460/, '46');
  if (digits) keys.push(digest(`p:${digits.startsWith('0') ? `46${digits.slice(1)}` : digits}`));
  return keys;
}

function digest(s: string): string {
  return createHash('sha256').update(s).digest('base64url').slice(0, 22);
}
