/**
 * TypeORM's `manager.query` answers an UPDATE/DELETE … RETURNING with `[rows, rowCount]` (other
 * statements with the rows): this gives the rows either way.
 */
export function returningRows<T = Record<string, any>>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
