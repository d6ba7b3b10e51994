/**
 * Whether a citizen's name is fit to be written into a greeting. Letters of any script with
 * marks, spaces, hyphens and apostrophes; a period only after an initial ("J. Smith"). No
 * digits, `@`, `/`, `:` or markup, so nothing in it can read as an address or a link (mail
 * clients turn "evil.example" or "www.x" into links on their own).
 */
const NAME = /^[\p{L}\p{M}]+(?:\.?(?:[ '’-]|$)[ '’-]*[\p{L}\p{M}]*)*$/u;

export const MAX_PERSON_NAME_LENGTH = 100;

export function isPlausiblePersonName(name: string): boolean {
  const s = name.normalize('NFC').trim();
  if (!s || s.length > MAX_PERSON_NAME_LENGTH) return false;
  if (!NAME.test(s)) return false;
  // A period inside a word ("evil.example") is a domain, not an initial.
  return !/[\p{L}\p{M}]\.[\p{L}\p{M}]/u.test(s);
}
