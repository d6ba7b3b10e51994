/**
 * True for errors that mean "the database is not reachable right now" (retry later, answer 503)
 * rather than "this request is wrong".
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string; driverError?: unknown } | undefined;
  if (!e) return false;
  if (e.driverError && e.driverError !== err && isDatabaseUnavailable(e.driverError)) return true;
  const code = e.code ?? '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
  // 08xxx connection exceptions, 57P0x admin shutdown / crash shutdown / cannot connect now, 53300 too many connections
  if (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300') return true;
  const msg = e.message ?? '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down|in recovery)|Connection is not established/i.test(
    msg,
  );
}

/** Deadlock or serialization failure: the transaction lost a race and can simply run again. */
export function isTransientConflict(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } } | undefined;
  const code = e?.code ?? e?.driverError?.code;
  return code === '40P01' || code === '40001';
}

/** A unique violation of `constraint` (QueryFailedError or the driver's own error). */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } } | undefined;
  const d = e?.driverError ?? e;
  return d?.code === '23505' && d?.constraint === constraint;
}
