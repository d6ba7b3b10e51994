// Status updates (routed, assigned, transferred) come in bursts: an inquiry is often routed and
// assigned within seconds. A citizen gets at most one status message per window per inquiry.

/** True if a status update may be sent now, given when the last one was planned. */
export function statusUpdateAllowed(lastStatusAt: Date | null | undefined, now: Date, windowMs: number): boolean {
  if (!lastStatusAt) return true;
  return now.getTime() - lastStatusAt.getTime() >= windowMs;
}
