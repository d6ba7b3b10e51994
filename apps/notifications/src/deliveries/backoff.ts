// When a transiently failed delivery is tried again: exponential backoff with jitter, as a
// scheduled time on the row (next_attempt_at), never as a sleep in memory.

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

/**
 * Delay before the next try after `attempts` failed tries (1 → base, 2 → 2·base, …, capped at
 * max). Jitter takes off up to a fifth, so deliveries that failed together do not all return
 * together when the mail server comes back.
 */
export function retryDelayMs(attempts: number, policy: Pick<RetryPolicy, 'baseMs' | 'maxMs'>, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(attempts, 1) - 1, 30));
  return Math.round(exp * (1 - 0.2 * random()));
}

/** The next step for a transient failure after `attempts` tries: retry at a time, or give up. */
export function nextAttempt(attempts: number, policy: RetryPolicy, now: Date, random?: () => number): { retryAt: Date } | { giveUp: true } {
  if (attempts >= policy.maxAttempts) return { giveUp: true };
  return { retryAt: new Date(now.getTime() + retryDelayMs(attempts, policy, random)) };
}
