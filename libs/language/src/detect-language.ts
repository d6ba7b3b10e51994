/**
 * Language of an inquiry: sv, en, ar or fi. Cheap, reliable shortcuts first (Arabic script
 * means Arabic; a clear majority of Swedish, English or Finnish function words decides),
 * otherwise tinyld restricted to the supported languages, where å (which Finnish does not
 * use) overrules a Finnish guess.
 */
// tinyld ships CommonJS with types; require keeps it independent of esModuleInterop settings.
const tinyld = require('tinyld') as { detect: (text: string, opts?: { only?: string[] }) => string };

export const SUPPORTED_LANGUAGES = ['sv', 'en', 'ar', 'fi'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];
const ONLY = { only: [...SUPPORTED_LANGUAGES] };

/** Very common function words: when they clearly point one way, tinyld is not needed. */
const FUNCTION_WORDS: Record<'sv' | 'en' | 'fi', Set<string>> = {
  sv: new Set(
    'och att det som en på är av för med till den har inte om ett de jag vi var kan hur vad när min mitt mina hej vill finns från efter eller också så får men ni er sig ska skulle någon alla där här nu varför vår vårt våra hon han mig dig oss kommer blir redan sedan mot under ingen inga bara mycket tack vänliga hälsningar'.split(' '),
  ),
  en: new Set(
    'the and to of in is it for my on that with have has we you are be this can how what where when there not do does from at our your please would could was were will an any about who which they them their if me us should been hi thanks hello'.split(' '),
  ),
  fi: new Set(
    'ja on ei se että kun mutta tai kuin myös onko miten missä mitä minä me te he olen olemme voi voiko tarvitsen kiitos hei ole ovat oli jo nyt vain tämä joka mikä saanko meidän minun sinun teidän siitä tässä kanssa ovatko olisi'.split(' '),
  ),
};

function byFunctionWords(text: string): string | null {
  const counts = { sv: 0, en: 0, fi: 0 };
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (!w) continue;
    if (FUNCTION_WORDS.sv.has(w)) counts.sv++;
    if (FUNCTION_WORDS.en.has(w)) counts.en++;
    if (FUNCTION_WORDS.fi.has(w)) counts.fi++;
  }
  const ranked = (Object.entries(counts) as [string, number][]).sort((a, b) => b[1] - a[1]);
  return ranked[0][1] >= 2 && ranked[0][1] >= 3 * ranked[1][1] ? ranked[0][0] : null;
}

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
  const quick = byFunctionWords(t);
  if (quick) return quick;
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
