/** RFC 4180 CSV: CRLF rows, fields quoted when they hold a comma, quote or line break. */
export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>, bom = true): string {
  const lines = [header, ...rows].map((r) => r.map(field).join(','));
  return (bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

function field(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  // A text cell starting like a formula is shown as text by spreadsheets, never evaluated.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
