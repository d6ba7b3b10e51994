import { isEmail } from 'class-validator';
import { maskedSubject, phoneKey } from '../../data-subjects/data-subject';

export type SearchKind = 'reference' | 'email' | 'phone' | 'text';

/** What a staff search asks for, read from the one text field. */
export type SearchQuery =
  | { kind: 'reference'; prefix: string; rest: string }
  | { kind: 'email'; email: string }
  | { kind: 'phone'; phone: string; phoneKey: string }
  | { kind: 'text'; words: string[] };

/** A case reference as intake writes it: prefix, year, number (KC-2026-000123). */
const REFERENCE = /^([A-Za-z][A-Za-z0-9]{0,19})-(\d{4}-\d{1,12})$/;
/** A phone number in its common written forms (as the citizen's-rights look-up takes it). */
const PHONE = /^[+(\d][\d\s().-]{6,24}$/;
/** Words beyond these are not looked for. */
export const MAX_WORDS = 8;

/** Reference, e-mail address and phone number by their form; anything else is words to find in the text. */
export function parseSearch(raw: string): SearchQuery {
  const q = raw.trim();
  const ref = REFERENCE.exec(q);
  if (ref) return { kind: 'reference', prefix: ref[1], rest: ref[2] };
  if (q.includes('@') && !/\s/.test(q) && isEmail(q)) return { kind: 'email', email: q.toLowerCase() };
  const key = PHONE.test(q) ? phoneKey(q) : undefined;
  if (key) return { kind: 'phone', phone: q, phoneKey: key };
  const words = [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, MAX_WORDS);
  return { kind: 'text', words };
}

/** An ILIKE pattern that finds the word as it is: % and _ (and the escape itself) match only themselves. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** For the audit trail: what kind of search, never the address, number or words themselves. */
export function maskedQuery(q: SearchQuery): string {
  switch (q.kind) {
    case 'reference': return `reference ${q.prefix.toUpperCase()}-${q.rest}`;
    case 'email': return maskedSubject({ email: q.email });
    case 'phone': return maskedSubject({ phone: q.phone });
    case 'text': return `text: ${q.words.length} ${q.words.length === 1 ? 'word' : 'words'}, ${q.words.join(' ').length} characters`;
  }
}
