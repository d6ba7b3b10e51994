// Words of letters, each perhaps ending in a period, joined by separators: letters and separators
// are disjoint, so the match is linear (no backtracking over a run of separators).
const NAME = /^[\p{L}\p{M}]+\.?(?:[ '’-]+[\p{L}\p{M}]+\.?)*$/u;

export const MAX_PERSON_NAME_LENGTH = 100;

/**
 * Whether a citizen's name is fit to be written into a greeting. Letters of any script with
 * marks, spaces, hyphens and apostrophes; a period only at the end of a word ("J. Smith"). No
 * digits, `@`, `/`, `:` or markup, so nothing in it can read as an address or a link (mail
 * clients turn "evil.example" or "www.x" into links on their own).
 */
export function isPlausiblePersonName(name: string): boolean {
  const s = name.normalize('NFC').trim();
  if (!s || s.length > MAX_PERSON_NAME_LENGTH) return false;
  return NAME.test(s);
}
