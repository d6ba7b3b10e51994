/**
 * Fast multi-language keyword matching over normalised tokens.
 *
 * A keyword is one or more words, normalised like the text (see normalize.ts). Matching is
 * forgiving in the ways Swedish, Finnish and Arabic need:
 * - inflection: a keyword matches a token that is the keyword plus an inflection ending
 *   (gatlampa → gatlampan, bygglov → bygglovet, school → schools; a closed list, so park ↛
 *   parkerar); a keyword of 5+ letters ending in a vowel (or ة/ه) also matches through its
 *   stem (lampa → lampor, skola → skolorna, حاوية → حاويات);
 * - compounds: a keyword of 5+ letters matches at the end of a compound (gatlampa →
 *   trasiggatlampan), one of 7+ letters at its start (hemtjänst → hemtjänstgruppen);
 * - an explicit trailing `*` makes a prefix keyword that matches any continuation (Finnish
 *   stems: `rakennuslu*` → rakennusluvan, rakennuslupa);
 * - Arabic clitics: the article and one-letter conjunctions/prepositions are peeled off the
 *   token (والحاويه → حاويه);
 * - keywords of 1–2 letters only match whole tokens.
 *
 * Candidates are found through an index on 3-letter keys, so matching a text costs a few
 * map look-ups per token, independent of the size of the keyword list.
 */
import { normalizeText, tokenVariants, isArabicToken } from './normalize';

export interface KeywordSpec {
  /** The keyword as written (any case, any script; `*` at the end = prefix keyword). */
  keyword: string;
  /** Arbitrary label id the caller maps back (e.g. index of a category). */
  label: number;
  /** Weight of a match (default 1). */
  weight?: number;
}

interface CompiledKeyword {
  tokens: string[];
  prefix: boolean;
  label: number;
  weight: number;
  text: string;
}

export interface KeywordMatch {
  /** Index into the keyword list given to the matcher. */
  index: number;
  label: number;
  weight: number;
  /** The normalised keyword that matched. */
  keyword: string;
  /** Position of the first matching token in the token list. */
  position: number;
  /** Position of the last matching token. */
  end: number;
}

const STEM_ENDINGS = /[aeoiyäöه]$/;

/**
 * Inflection endings (Swedish and English) a keyword may take: plural, definite article,
 * genitive, past tense (not -ing: park ↛ parking). Deliberately closed, so that `park` finds `parken` but not
 * `parkerar`, and `brunn` finds `brunnen` but not the place name `Brunnsäng`.
 */
const LATIN_SUFFIXES = new Set([
  '', 's', 'n', 't', 'a', 'e', 'r', 'en', 'et', 'er', 'ar', 'or', 'na', 'ns', 'es', 'ed', 'an', 'at', 'ad', 'de', 'te', 'ts',
  'ens', 'ets', 'ers', 'ars', 'ors', 'ade', 'ats', 'are', 'ena', 'ies', 'arna', 'erna', 'orna', 'ande', 'ende',
  'arnas', 'ernas', 'ornas', 'arens',
]);
/** Arabic: attached pronouns and plural endings; after a dropped ة the stem takes ت… endings. */
const ARABIC_SUFFIXES = new Set(['', 'ه', 'ها', 'هم', 'هن', 'ي', 'ك', 'كم', 'نا', 'ات', 'ين', 'ون', 'ان', 'اتها', 'اتهم', 'يه', 'يا']);
const ARABIC_STEM_SUFFIXES = new Set(['ات', 'اتها', 'اتهم', 'ته', 'تها', 'تهم', 'تي', 'تك', 'تنا', 'تين', 'تان']);

function restAllowed(rest: string, arabic: boolean, viaStem: boolean): boolean {
  if (arabic) return viaStem ? ARABIC_STEM_SUFFIXES.has(rest) : ARABIC_SUFFIXES.has(rest);
  return LATIN_SUFFIXES.has(rest) && (!viaStem || rest !== '');
}

/** Does the token end in the keyword (found at `from` or later), possibly inflected? */
function endsWithInflected(v: string, kw: string, from: number, arabic: boolean): boolean {
  let idx = v.indexOf(kw, from);
  while (idx >= 0) {
    if (restAllowed(v.slice(idx + kw.length), arabic, false)) return true;
    idx = v.indexOf(kw, idx + 1);
  }
  return false;
}

function singleTokenMatches(token: string, kw: string, prefix: boolean, multi: boolean): boolean {
  for (const v of tokenVariants(token)) {
    if (v === kw) return true;
    const kl = kw.length;
    if (kl <= 2) continue;
    if (prefix) {
      if (v.startsWith(kw)) return true;
      if (kl >= 5 && !multi && v.includes(kw)) return true;
      continue;
    }
    const arabic = isArabicToken(v);
    // the word itself, inflected
    if (v.startsWith(kw) && restAllowed(v.slice(kl), arabic, false)) return true;
    if (kl >= 5 && STEM_ENDINGS.test(kw)) {
      const stem = kw.slice(0, -1);
      if (v.startsWith(stem) && restAllowed(v.slice(stem.length), arabic, true)) return true;
    }
    if (multi) continue;
    // tail of a compound (trasiggatlampan), head of a compound (hemtjänstgruppen)
    if (kl >= 5 && endsWithInflected(v, kw, 1, arabic)) return true;
    if (kl >= 7 && !arabic && v.startsWith(kw)) return true;
  }
  return false;
}

function keyOf(s: string): string {
  return s.length <= 3 ? s : s.slice(0, 3);
}

export class KeywordMatcher {
  private readonly keywords: CompiledKeyword[] = [];
  private readonly index = new Map<string, number[]>();
  private readonly firstWordMatches = new Map<string, readonly number[]>();

  constructor(specs: readonly KeywordSpec[]) {
    const seen = new Set<string>();
    for (const spec of specs) {
      const raw = String(spec.keyword ?? '').trim();
      if (!raw) continue;
      const prefix = raw.endsWith('*');
      const tokens = normalizeText(prefix ? raw.slice(0, -1) : raw)
        .split(' ')
        .filter(Boolean);
      if (tokens.length === 0) continue;
      const text = tokens.join(' ') + (prefix ? '*' : '');
      const dedupe = `${spec.label}\u0000${text}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      const compiled: CompiledKeyword = { tokens, prefix, label: spec.label, weight: spec.weight ?? 1, text };
      const id = this.keywords.length;
      this.keywords.push(compiled);
      const keys = new Set<string>([keyOf(tokens[0])]);
      if (isArabicToken(tokens[0])) for (const v of tokenVariants(tokens[0])) keys.add(keyOf(v));
      for (const k of keys) {
        const list = this.index.get(k);
        if (list) list.push(id);
        else this.index.set(k, [id]);
      }
    }
  }

  /** Keywords whose first word the token matches; the same words recur, so this is remembered. */
  private startingWith(token: string): readonly number[] {
    const hit = this.firstWordMatches.get(token);
    if (hit) return hit;
    const ids: number[] = [];
    const tried = new Set<number>();
    const consider = (list: number[] | undefined) => {
      for (const id of list ?? []) {
        if (tried.has(id)) continue;
        tried.add(id);
        const kw = this.keywords[id];
        const multi = kw.tokens.length > 1;
        if (singleTokenMatches(token, kw.tokens[0], kw.prefix && !multi, multi)) ids.push(id);
      }
    };
    for (const v of tokenVariants(token)) {
      if (v.length < 3) consider(this.index.get(v));
      else for (let p = 0; p + 3 <= v.length; p++) consider(this.index.get(v.slice(p, p + 3)));
    }
    if (this.firstWordMatches.size >= 50_000) this.firstWordMatches.clear();
    this.firstWordMatches.set(token, ids);
    return ids;
  }

  get size(): number {
    return this.keywords.length;
  }

  keyword(index: number): { text: string; label: number } {
    const k = this.keywords[index];
    return { text: k.text, label: k.label };
  }

  /** Distinct keywords found in the (already tokenised) text, in order of first appearance. */
  match(tokens: readonly string[]): KeywordMatch[] {
    const found = new Map<number, number>();
    for (let i = 0; i < tokens.length; i++) {
      for (const id of this.startingWith(tokens[i])) {
        if (found.has(id)) continue;
        const kw = this.keywords[id];
        if (kw.tokens.length > 1) {
          if (i + kw.tokens.length > tokens.length) continue;
          let all = true;
          for (let j = 1; j < kw.tokens.length && all; j++) {
            all = singleTokenMatches(tokens[i + j], kw.tokens[j], kw.prefix && j === kw.tokens.length - 1, true);
          }
          if (!all) continue;
        }
        found.set(id, i);
      }
    }
    const out: KeywordMatch[] = [];
    for (const [index, position] of found) {
      const k = this.keywords[index];
      out.push({ index, label: k.label, weight: k.weight, keyword: k.text, position, end: position + k.tokens.length - 1 });
    }
    // A match inside a longer one is part of that phrase ("street" in "street lamp"), not evidence of its own.
    return out.filter((a) => !out.some((b) => b.position <= a.position && b.end >= a.end && b.end - b.position > a.end - a.position));
  }
}
