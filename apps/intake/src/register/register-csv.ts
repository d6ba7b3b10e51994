/** RFC 4180 CSV with a BOM (spreadsheets read it as UTF-8): CRLF rows, fields quoted when they must be. */
export function registerCsv(header: string[], rows: Array<Array<string | number | boolean | null | undefined>>): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  // A sender or subject starting like a formula is shown as text by spreadsheets, never evaluated.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
