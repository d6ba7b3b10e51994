// Where a reply belongs: what an inbound e-mail says about an earlier inquiry. The database
// decides whether such an inquiry exists (in the recipient's municipality).

/** `KC-2026-000123`: prefix, year, six digits (formatReference). */
const REFERENCE = /(?<![A-Za-z0-9])([A-Za-z]{1,10}-\d{4}-\d{6})(?![0-9])/g;

/** References quoted in a subject, `[KC-2026-000123]` first, then bare ones; upper-cased. */
export function referencesInSubject(subject: string | undefined): string[] {
  if (!subject) return [];
  const bracketed = [...subject.matchAll(/\[\s*([A-Za-z]{1,10}-\d{4}-\d{6})\s*\]/g)].map((m) => m[1].toUpperCase());
  const bare = [...subject.matchAll(REFERENCE)].map((m) => m[1].toUpperCase());
  return [...new Set([...bracketed, ...bare])].slice(0, 5);
}

/** `kontakt+KC-2026-000123@demo.se` → `KC-2026-000123` (plus addressing). */
export function referenceInPlusAddress(address: string): string | undefined {
  const local = address.split('@')[0] ?? '';
  const plus = local.indexOf('+');
  if (plus < 0) return undefined;
  const tag = local.slice(plus + 1);
  return /^[A-Za-z]{1,10}-\d{4}-\d{6}$/.test(tag) ? tag.toUpperCase() : undefined;
}

/** The address without its +tag, lower-cased: what the mail routes are keyed by. */
export function baseAddress(address: string): string {
  const [local, domain] = splitAddress(address);
  const plus = local.indexOf('+');
  return `${plus >= 0 ? local.slice(0, plus) : local}@${domain}`;
}

export function splitAddress(address: string): [string, string] {
  const a = address.trim().toLowerCase();
  const at = a.lastIndexOf('@');
  return at < 0 ? [a, ''] : [a.slice(0, at), a.slice(at + 1)];
}

/** The delivery id in a Message-ID notifications made (`<notif-<uuid>@domain>`). */
export function deliveryIdInMessageId(id: string): string | undefined {
  return /^<notif-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^<>\s]+>$/i.exec(id)?.[1]?.toLowerCase();
}

/**
 * An address as compared for "is this the case's citizen": trimmed, without angle brackets,
 * Unicode-normalised and lower-cased (mail systems treat addresses case-insensitively in practice).
 */
export function normaliseAddress(address: string | undefined | null): string | undefined {
  const a = (address ?? '').trim().replace(/^<(.*)>$/, '$1').trim().normalize('NFC').toLowerCase();
  return a.includes('@') ? a : undefined;
}
