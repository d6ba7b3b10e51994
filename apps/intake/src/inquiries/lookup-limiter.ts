import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '@lotsen/platform';

export const LOOKUPS_PER_MINUTE = Symbol('LOOKUPS_PER_MINUTE');

/**
 * Tells a guesser of tracking tokens to stop: a client (its address as the HTTP layer sees it,
 * never a header the client sets unless TRUST_PROXY says so) gets a limited number of FAILED
 * reference+token lookups per minute; after that a wrong lookup answers 429 instead of 404.
 * A correct reference+token is always answered, even from a limited client: many citizens share
 * one address (mobile carriers' NAT, a library), and a stranger's failures there must not lock
 * them out of their own case. Guessing gains nothing from it: a token has 144 random bits.
 * Per instance (in memory).
 */
@Injectable()
export class LookupLimiter {
  private readonly failures = new Map<string, { count: number; windowStart: number }>();

  constructor(@Inject(LOOKUPS_PER_MINUTE) private readonly perMinute: number) {}

  /** Records a failed lookup; throws 429 when the client had used up its failures already. */
  failed(client: string | undefined): void {
    if (!client) return;
    const now = Date.now();
    const f = this.failures.get(client);
    if (!f || now - f.windowStart >= 60_000) {
      if (this.failures.size >= 100_000) this.failures.clear();
      this.failures.set(client, { count: 1, windowStart: now });
      return;
    }
    f.count++;
    if (f.count > this.perMinute) {
      throw ProblemException.of(429, 'too-many-requests', 'Too many unsuccessful lookups; try again in a minute.', {
        retryAfterSeconds: Math.max(1, Math.ceil((60_000 - (now - f.windowStart)) / 1000)),
      });
    }
  }
}
