/**
 * An eraser's removals as one statement: each part a data-modifying CTE (`UPDATE … RETURNING 1`,
 * `DELETE … RETURNING 1`), the statement answering `rows`, the rows they touched together. One
 * round trip per inquiry instead of one per table, which is most of a retention run's time.
 * All parts run on one snapshot, so they must touch disjoint rows (a row two parts change would
 * take only one change) and must not read what another part writes.
 */
export function removalsStatement(parts: string[]): string {
  const ctes = parts.map((sql, i) => `r${i} AS (${sql})`).join(',\n');
  const total = parts.map((_, i) => `(SELECT count(*) FROM r${i})`).join(' + ');
  return `WITH ${ctes}\nSELECT (${total})::int AS rows`;
}
