/**
 * The part of an error a log line may carry: its name, code, message and stack. A database
 * error's own fields (TypeORM's `query` and `parameters`, the driver's `detail`, `where`) hold the
 * failing statement's values, e.g. a whole inquiry row, so they never reach the log; the message
 * still goes through maskPii like every line.
 */
export function loggableError(err: unknown): Error {
  if (!(err instanceof Error)) return new Error(typeof err === 'string' ? err : `non-error thrown (${typeof err})`);
  const safe = new Error(err.message);
  safe.name = err.name;
  safe.stack = err.stack;
  const code = (err as { code?: unknown }).code ?? (err as { driverError?: { code?: unknown } }).driverError?.code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(safe, { code });
  return safe;
}
