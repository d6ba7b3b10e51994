/**
 * Snowball stems (the maintained stemmers for Swedish, Finnish, English and Arabic), a feature
 * group beside the character n-grams: n-grams forgive typos and split compounds, stems join the
 * inflections n-grams only partly share (ansökan/ansöka, työpaikkoja/työpaikka, المكتبات/مكتب).
 * A token in Arabic script is stemmed as Arabic whatever the text's language, so a mixed text
 * still gets its Arabic words right; other tokens follow the text's language.
 */
import * as snowball from 'snowball-stemmers';

const ALGORITHM: Record<string, string> = { sv: 'swedish', en: 'english', fi: 'finnish', ar: 'arabic' };
const ARABIC = /[\u0600-\u06FF]/;
const stemmers = new Map<string, { stem(word: string): string }>();

function stemmer(lang: string): { stem(word: string): string } {
  let s = stemmers.get(lang);
  if (!s) {
    s = snowball.newStemmer(ALGORITHM[lang] ?? 'swedish');
    stemmers.set(lang, s);
  }
  return s;
}

/** The stem of a normalised token in the given text language (sv, en, fi, ar; anything else as sv). */
export function stemOf(token: string, language: string): string {
  const lang = ARABIC.test(token) ? 'ar' : ALGORITHM[language] ? language : 'sv';
  return stemmer(lang).stem(token);
}
