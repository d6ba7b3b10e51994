/**
 * Fast multi-language keyword matching over normalised tokens.
 *
 * A keyword is one or more words, normalised like the text (see normalize.ts). Matching is
 * forgiving in the ways Swedish, Finnish and Arabic need:
 * - inflection: a keyword matches a token that starts with it and has at most 4 more letters
 *   (gatlampa → gatlampan, bygglov → bygglovet); a keyword of 5+ letters ending in a vowel
 *   (or ة/ه) also matches through its stem (lampa → lampor, skola → skolorna);
 * - compounds: a keyword of 5+ letters matches at the end of a compound (gatlampa →
 *   trasiggatlampan), one of 7+ letters anywhere inside it (hemtjänst → hemtjänstgruppen);
 * - an explicit trailing `*` makes a prefix keyword that matches any continuation (Finnish
 *   stems: `rakennuslu*` → rakennusluvan, rakennuslupa);
 * - Arabic clitics: the article and one-letter conjunctions/prepositions are peeled off the
 *   token (والحاويه → حاويه);
 * - keywords of 1–2 letters only match whole tokens; 3-letter ones allow 2 more letters.
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
}

const STEM_ENDINGS = /[aeoiyäöه]$/;

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
    const maxRest = kl === 3 ? 2 : 4;
    if (v.startsWith(kw) && v.length - kl <= maxRest) return true;
    if (kl >= 5 && STEM_ENDINGS.test(kw)) {
      const stem = kw.slice(0, -1);
      if (v.startsWith(stem) && v.length - stem.length <= 4) return true;
    }
    if (multi) continue;
    if (kl >= 5) {
      const idx = v.indexOf(kw, 1);
      if (idx >= 1 && v.length - idx - kl <= 4) return true;
      if (kl >= 7 && idx >= 0) return true;
    }
    if (kl >= 7 && v.includes(kw)) return true;
  }
  return false;
}

function keyOf(s: string): string {
  return s.length <= 3 ? s : s.slice(0, 3);
}

export class KeywordMatcher {
  private readonly keywords: CompiledKeyword[] = [];
  private readonly index = new Map<string, number[]>();

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
      const t = tokens[i];
      const candidates = new Set<number>();
      for (const v of tokenVariants(t)) {
        if (v.length <= 3) {
          const l = this.index.get(v);
          if (l) for (const id of l) candidates.add(id);
          if (v.length < 3) continue;
        }
        for (let p = 0; p + 3 <= v.length; p++) {
          const l = this.index.get(v.slice(p, p + 3));
          if (l) for (const id of l) candidates.add(id);
        }
      }
      for (const id of candidates) {
        if (found.has(id)) continue;
        const kw = this.keywords[id];
        const multi = kw.tokens.length > 1;
        if (!singleTokenMatches(t, kw.tokens[0], kw.prefix && !multi, multi)) continue;
        if (multi) {
          if (i + kw.tokens.length > tokens.length) continue;
          let ok = true;
          for (let j = 1; j < kw.tokens.length && ok; j++) {
            const last = j === kw.tokens.length - 1;
            ok = singleTokenMatches(tokens[i + j], kw.tokens[j], kw.prefix && last, true);
          }
          if (!ok) continue;
        }
        found.set(id, i);
      }
    }
    const out: KeywordMatch[] = [];
    for (const [index, position] of found) {
      const k = this.keywords[index];
      out.push({ index, label: k.label, weight: k.weight, keyword: k.text, position });
    }
    return out;
  }
}
