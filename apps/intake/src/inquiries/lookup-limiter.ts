import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '@lotsen/platform';

export const LOOKUPS_PER_MINUTE = Symbol('LOOKUPS_PER_MINUTE');

/**
 * Slows down guessing of tracking tokens: a client (IP address) gets a limited number of FAILED
 * reference+token lookups per minute; after that every lookup answers 429 until the minute is
 * over. Citizens who have the right token never notice it. Per instance (in memory): with N
 * instances a guesser gets at most N times the limit, still far from a 144-bit token.
 */
@Injectable()
export class LookupLimiter {
  private readonly failures = new Map<string, { count: number; windowStart: number }>();

  constructor(@Inject(LOOKUPS_PER_MINUTE) private readonly perMinute: number) {}

  assertAllowed(client: string | undefined): void {
    const f = client ? this.failures.get(client) : undefined;
    if (!f) return;
    const elapsed = Date.now() - f.windowStart;
    if (elapsed >= 60_000) {
      this.failures.delete(client!);
      return;
    }
    if (f.count >= this.perMinute) {
      throw ProblemException.of(429, 'too-many-requests', 'Too many unsuccessful lookups; try again in a minute.', { retryAfterSeconds: Math.ceil((60_000 - elapsed) / 1000) });
    }
  }

  recordFailure(client: string | undefined): void {
    if (!client) return;
    const f = this.failures.get(client);
    if (!f || Date.now() - f.windowStart >= 60_000) this.failures.set(client, { count: 1, windowStart: Date.now() });
    else f.count++;
    if (this.failures.size > 100_000) this.failures.clear();
  }
}
