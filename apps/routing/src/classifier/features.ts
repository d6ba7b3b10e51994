/**
 * Feature extraction: word unigrams and bigrams, character 3–5-grams inside word boundaries
 * (Swedish compounds, Finnish inflection, misspellings), built-in cue lexicons and a few
 * surface cues (question mark, exclamation, personal identity number, street address).
 *
 * Features are named strings with a group prefix:
 *   `w:` word, `b:` word bigram, `c:` character n-gram, `x:` cue.
 * A vocabulary (with idf) is fixed at training time; vectors are sublinear tf·idf, L2
 * normalised per group and scaled by a per-group weight.
 */
import { tokenize, isEmojiToken, NUMBER_TOKEN } from './normalize';
import { KeywordMatcher } from './keywords';
import { CUE_LEXICONS } from './lexicons';

export interface FeatureConfig {
  charMin: number;
  charMax: number;
  /** Minimum document frequency per group at training time. */
  minDf: { w: number; b: number; c: number; x: number };
  /** Scale of each group's L2-normalised block. */
  groupWeight: { w: number; b: number; c: number; x: number };
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  charMin: 3,
  charMax: 5,
  minDf: { w: 1, b: 2, c: 2, x: 1 },
  groupWeight: { w: 1, b: 0.5, c: 1, x: 0.5 },
};

export type Group = 'w' | 'b' | 'c' | 'x';
export const GROUPS: readonly Group[] = ['w', 'b', 'c', 'x'];

const PERSONAL_NUMBER = /\b(?:19|20)?\d{6}[-+ ]?\d{4}\b/;
const STREET_ADDRESS = /\p{L}(?:gatan|vägen|gränd|gränden|stigen|backen|torget|plan|allén|street|road|avenue|katu|tie)\s+\d+/iu;
const CUE_LABELS = Object.keys(CUE_LEXICONS);
let cueMatcher: KeywordMatcher | null = null;
function cues(): KeywordMatcher {
  if (!cueMatcher) {
    const specs = CUE_LABELS.flatMap((label, i) => CUE_LEXICONS[label].map((keyword) => ({ keyword, label: i })));
    cueMatcher = new KeywordMatcher(specs);
  }
  return cueMatcher;
}

/** A text made ready for vectorising: its tokens and raw feature counts. */
export interface ExtractedText {
  tokens: string[];
  counts: Map<string, number>;
}

export function textOf(subject: string | undefined | null, body: string | undefined | null): string {
  const s = (subject ?? '').trim();
  const b = (body ?? '').trim();
  return s && b ? `${s}\n${b}` : s || b;
}

function add(m: Map<string, number>, k: string, v = 1): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

/** Character n-grams of one token, with `<` `>` as word boundaries. */
export function charGrams(token: string, min: number, max: number): string[] {
  const out: string[] = [];
  if (token === NUMBER_TOKEN || isEmojiToken(token)) return out;
  const chars = Array.from(`<${token}>`);
  for (let n = min; n <= max; n++) {
    if (chars.length < n) break;
    for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  }
  return out;
}

export function extract(rawText: string, config: FeatureConfig = DEFAULT_FEATURE_CONFIG): ExtractedText {
  const tokens = tokenize(rawText);
  const counts = new Map<string, number>();
  let prev: string | null = null;
  for (const t of tokens) {
    const single = t.length === 1 && !isEmojiToken(t) && !/\d/.test(t);
    if (!single) add(counts, 'w:' + t);
    if (prev !== null) add(counts, `b:${prev} ${t}`);
    prev = t;
    if (t.length >= 2) for (const g of charGrams(t, config.charMin, config.charMax)) add(counts, 'c:' + g);
  }
  // Surface cues from the raw text (before punctuation is stripped).
  if (rawText.includes('?') || rawText.includes('؟')) add(counts, 'x:?');
  if (rawText.includes('!')) add(counts, 'x:!');
  if (/!!|\?\?/.test(rawText)) add(counts, 'x:!!');
  if (PERSONAL_NUMBER.test(rawText)) add(counts, 'x:personal_number');
  if (STREET_ADDRESS.test(rawText)) add(counts, 'x:street_address');
  if (/\b[A-ZÅÄÖ]{5,}\b/.test(rawText)) add(counts, 'x:shouting');
  if (tokens.length <= 8) add(counts, 'x:short');
  for (const m of cues().match(tokens)) add(counts, 'x:cue_' + CUE_LABELS[m.label], m.weight);
  return { tokens, counts };
}

export interface SparseVector {
  idx: Int32Array;
  val: Float64Array;
}

export interface Vocabulary {
  features: string[];
  idf: number[];
}

/** Builds the vocabulary (features kept by document frequency) and idf weights. */
export function buildVocabulary(docs: readonly ExtractedText[], config: FeatureConfig = DEFAULT_FEATURE_CONFIG): Vocabulary {
  const df = new Map<string, number>();
  for (const d of docs) for (const k of d.counts.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = docs.length;
  const features: string[] = [];
  for (const [k, c] of df) {
    const g = k[0] as Group;
    if (c >= config.minDf[g]) features.push(k);
  }
  features.sort();
  const idf = features.map((f) => Math.log((n + 1) / ((df.get(f) ?? 0) + 1)) + 1);
  return { features, idf };
}

export class Vectorizer {
  readonly index: Map<string, number>;
  readonly groupOf: Uint8Array;

  constructor(
    readonly vocab: Vocabulary,
    readonly config: FeatureConfig = DEFAULT_FEATURE_CONFIG,
  ) {
    this.index = new Map(vocab.features.map((f, i) => [f, i]));
    this.groupOf = new Uint8Array(vocab.features.length);
    vocab.features.forEach((f, i) => (this.groupOf[i] = GROUPS.indexOf(f[0] as Group)));
  }

  get dimension(): number {
    return this.vocab.features.length;
  }

  vectorize(doc: ExtractedText): SparseVector {
    const idx: number[] = [];
    const val: number[] = [];
    const norms = [0, 0, 0, 0];
    for (const [k, c] of doc.counts) {
      const i = this.index.get(k);
      if (i === undefined) continue;
      const v = (1 + Math.log(c)) * this.vocab.idf[i];
      idx.push(i);
      val.push(v);
      norms[this.groupOf[i]] += v * v;
    }
    const gw = GROUPS.map((g) => this.config.groupWeight[g]);
    const scale = norms.map((s, g) => (s > 0 ? gw[g] / Math.sqrt(s) : 0));
    const order = idx.map((_, j) => j).sort((a, b) => idx[a] - idx[b]);
    const outIdx = new Int32Array(order.length);
    const outVal = new Float64Array(order.length);
    order.forEach((j, o) => {
      outIdx[o] = idx[j];
      outVal[o] = val[j] * scale[this.groupOf[idx[j]]];
    });
    return { idx: outIdx, val: outVal };
  }
}

/** Dot product of two sparse vectors with sorted indices. */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const ai = a.idx[i];
    const bj = b.idx[j];
    if (ai === bj) {
      s += a.val[i++] * b.val[j++];
    } else if (ai < bj) i++;
    else j++;
  }
  return s;
}
