import { maskPii } from '@lotsen/platform';
import { NAME_CUES, STOP_WORDS } from './stopwords';

const MAX_TERMS = 25;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const MASKS = /\[(?:email|phone|personnummer)\]/g;
const WORD = /\p{L}+/gu;
const lower = (w: string) => w.normalize('NFC').toLocaleLowerCase('sv');

/**
 * Names in a text: words written with a capital inside a sentence (people, streets, places:
 * each can point at a citizen) and the word after a greeting or sign-off, which is a name
 * however it is written.
 */
function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  let cueEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const at = m.index ?? 0;
    const before = text.slice(0, at).trimEnd();
    const sentenceStart = before === '' || /[.!?:;\n\-–—"”»(]$/.test(before);
    if (/^\p{Lu}\p{Ll}/u.test(word) && !sentenceStart) names.add(lower(word));
    // "Hej Anna", "Regards, John": only a space or a comma between the cue and the name ("Hej! Gatlampan" is a new sentence).
    if (cueEnd >= 0 && /^[\s,]*$/.test(text.slice(cueEnd, at))) names.add(lower(word));
    cueEnd = NAME_CUES.has(lower(word)) ? at + word.length : -1;
  }
  return names;
}

/**
 * The topic words of a citizen's text, kept instead of the text: personal data masked first
 * (e-mail, phone, personnummer, URLs), names dropped (namesIn), lower-cased (NFC), letters only,
 * so no numbers survive (house numbers, case numbers, dates); stop words of sv/en/ar/fi
 * (stopwords-iso) and contact-center filler dropped, and words shorter than three letters; each
 * word once, at most 25.
 */
export function extractTerms(...texts: Array<string | undefined | null>): string[] {
  const text = maskPii(texts.filter(Boolean).join('\n')).replace(URL, ' ').replace(MASKS, ' ');
  const names = namesIn(text);
  const words = lower(text).match(WORD) ?? [];
  const out: string[] = [];
  for (const w of words) {
    if (w.length < 3 || w.length > 40 || STOP_WORDS.has(w) || names.has(w) || out.includes(w)) continue;
    out.push(w);
    if (out.length === MAX_TERMS) break;
  }
  return out;
}
