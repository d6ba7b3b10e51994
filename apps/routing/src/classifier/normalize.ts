/**
 * Text normalisation and tokenisation for Swedish, English, Arabic and Finnish inquiries.
 *
 * - Unicode NFKC (full-width letters, ligatures, compatibility digits), then lower case.
 * - Arabic: alef variants (أ إ آ ٱ) → ا, ة → ه, ى → ي, Persian ک/ی → ك/ي, tashkeel and
 *   tatweel removed, Arabic-Indic digits → ASCII digits.
 * - Punctuation becomes a word boundary; letters with diacritics (å ä ö é ü …) are kept.
 * - Emoji survive as tokens of their own (sarcasm markers like 🙄 👏 matter for the type).
 *
 * Pure functions, no dependencies.
 */

const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
const ALEF_VARIANTS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g; // آ أ إ ٱ ٲ ٳ
const ZERO_WIDTH = /[\u200B-\u200F\u202A-\u202E\u2060\uFEFF]/g;
const EMOJI = /(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*)/gu;
/** Everything that is not a letter, a combining mark, a digit or an emoji separates words. */
const NON_WORD = /[^\p{L}\p{M}\p{Nd}\p{Extended_Pictographic}]+/gu;
const ARABIC_LETTER = /[\u0600-\u06FF]/;

function mapArabicIndicDigits(s: string): string {
  // ٠-٩ (U+0660..0669) and ۰-۹ (U+06F0..06F9)
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (c) => {
    const code = c.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** Arabic letter normalisation only (used by normalizeText, exported for tests and keywords). */
export function normalizeArabic(s: string): string {
  if (!ARABIC_LETTER.test(s)) return s;
  return mapArabicIndicDigits(
    s
      .replace(ARABIC_DIACRITICS, '')
      .replace(ALEF_VARIANTS, '\u0627') // ا
      .replace(/\u0629/g, '\u0647') // ة → ه
      .replace(/\u0649/g, '\u064A') // ى → ي
      .replace(/\u06CC/g, '\u064A') // Persian ی → ي
      .replace(/\u06A9/g, '\u0643'), // Persian ک → ك
  );
}

/**
 * Normalised text: NFKC, lower case, Arabic normalisation, punctuation → single spaces,
 * emoji separated by spaces. The result is a space-separated sequence of tokens.
 */
export function normalizeText(input: string | null | undefined): string {
  if (!input) return '';
  let s = input.normalize('NFKC').replace(ZERO_WIDTH, '').toLowerCase();
  s = normalizeArabic(s);
  s = s.replace(EMOJI, ' $1 ');
  s = s.replace(NON_WORD, ' ');
  // Keep Swedish letters composed (NFKC already composes; this guards against odd input).
  return s.replace(/\s+/g, ' ').trim();
}

export const NUMBER_TOKEN = '#num';

/**
 * Tokens of the normalised text. Pure digit runs become `#num` (house numbers, dates and
 * customer numbers carry no topic), everything else is kept as is.
 */
export function tokenize(input: string | null | undefined): string[] {
  const norm = normalizeText(input);
  if (!norm) return [];
  const out: string[] = [];
  for (const t of norm.split(' ')) {
    if (!t) continue;
    out.push(/^\d+$/.test(t) ? NUMBER_TOKEN : t);
  }
  return out;
}

/** True for a token written in Arabic script. */
export function isArabicToken(t: string): boolean {
  return ARABIC_LETTER.test(t);
}

/** True when the token is an emoji (or emoji sequence). */
export function isEmojiToken(t: string): boolean {
  return /^\p{Extended_Pictographic}/u.test(t);
}

/** Arabic clitic prefixes (article, conjunctions, prepositions) that may be peeled off a token. */
const ARABIC_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف'];

/**
 * Variants of a token for matching: the token itself and, for Arabic, the token without
 * its clitic prefixes (الحاوية → حاويه, وبالمدرسه → مدرسه). Variants shorter than 2 letters
 * are dropped.
 */
export function tokenVariants(t: string): string[] {
  if (!isArabicToken(t)) return [t];
  const out = [t];
  for (const p of ARABIC_PREFIXES) {
    if (t.startsWith(p) && t.length - p.length >= 2) {
      const rest = t.slice(p.length);
      if (!out.includes(rest)) out.push(rest);
      // و + ال, ب + ال …: strip a second article
      if (rest.startsWith('ال') && rest.length - 2 >= 2 && !out.includes(rest.slice(2))) out.push(rest.slice(2));
    }
  }
  return out;
}
