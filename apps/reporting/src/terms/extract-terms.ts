import { maskPii } from '@lotsen/platform';
import { STOP_WORDS } from './stopwords';

const MAX_TERMS = 25;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const MASKS = /\[(?:email|phone|personnummer)\]/g;

/**
 * The topic words of a citizen's text, kept instead of the text: personal data masked first
 * (e-mail, phone, personnummer, URLs), lower-cased (NFC), letters only, so no numbers survive
 * (house numbers, case numbers, dates); Swedish/English stop words and words shorter than three
 * letters dropped; each word once, at most 25.
 */
export function extractTerms(...texts: Array<string | undefined | null>): string[] {
  const text = maskPii(texts.filter(Boolean).join('\n')).replace(URL, ' ').replace(MASKS, ' ');
  const words = text.normalize('NFC').toLocaleLowerCase('sv').match(/\p{L}+/gu) ?? [];
  const out: string[] = [];
  for (const w of words) {
    if (w.length < 3 || w.length > 40 || STOP_WORDS.has(w) || out.includes(w)) continue;
    out.push(w);
    if (out.length === MAX_TERMS) break;
  }
  return out;
}
