/**
 * Language of an inquiry: sv, en, ar or fi (tinyld, restricted to the supported languages),
 * with two cheap, reliable shortcuts: Arabic script means Arabic, and å (which Finnish does
 * not use) overrules a Finnish guess.
 */
// tinyld ships CommonJS with types; require keeps it independent of esModuleInterop settings.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const tinyld = require('tinyld') as { detect: (text: string, opts?: { only?: string[] }) => string };

export const SUPPORTED_LANGUAGES = ['sv', 'en', 'ar', 'fi'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];
const ONLY = { only: [...SUPPORTED_LANGUAGES] };

export function detectLanguage(text: string, fallback: SupportedLanguage = 'sv'): string {
  const t = (text ?? '').trim();
  if (!t) return fallback;
  let arabic = 0;
  let latin = 0;
  for (const ch of t) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x0600 && c <= 0x06ff) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
  }
  if (arabic > 0 && arabic >= latin * 0.5) return 'ar';
  let lang = '';
  try {
    lang = tinyld.detect(t, ONLY);
  } catch {
    lang = '';
  }
  if (lang === 'fi' && /å/i.test(t)) lang = 'sv';
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(lang) ? lang : fallback;
}

/** The caller's language tag reduced to its primary subtag ("sv-SE" → "sv"), or null. */
export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  if (!tag || typeof tag !== 'string') return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}
