// Addresses in log lines: enough to tell deliveries apart, not enough to identify a citizen.

/** `anna@example.se` → `a***@example.se`; `+46701234567` → `+4670*****67`. */
export function maskAddress(addr: string | null | undefined): string {
  if (!addr) return '';
  // "Anna Andersson <anna@example.se>": the display name is personal data too.
  const s = (/<([^<>]+)>\s*$/.exec(addr)?.[1] ?? addr).trim();
  const at = s.lastIndexOf('@');
  if (at > 0) return `${s[0]}***${s.slice(at)}`;
  if (/^\+?[\d\s()./-]+$/.test(s)) {
    const d = s.replace(/[^\d+]/g, '');
    // Keep the country/operator prefix and the last two digits, but always hide at least five.
    const head = Math.min(5, d.length - 7);
    return head < 0 ? '*'.repeat(d.length) : d.slice(0, head) + '*'.repeat(d.length - head - 2) + d.slice(-2);
  }
  return s.length > 1 ? `${s[0]}***` : '***';
}
