/**
 * Feature extraction: word unigrams and bigrams, character 3–5-grams inside word boundaries
 * (Swedish compounds, Finnish inflection, misspellings), built-in cue lexicons and a few
 * surface cues (question mark, exclamation, personal identity number, street address).
 *
 * Features are named strings with a group prefix:
 *   `w:` word, `b:` word bigram, `c:` character n-gram, `x:` cue, `s:` Snowball stem.
 * Models trained before stems existed have no `s` weight and no `s:` features: they read as weight 0.
 * A vocabulary (with idf) is fixed at training time; vectors are sublinear tf·idf, L2
 * normalised per group and scaled by a per-group weight.
 */
import { tokenize, isEmojiToken, NUMBER_TOKEN } from './normalize';
import { KeywordMatcher } from './keywords';
import { CUE_LEXICONS } from './lexicons';
import { stemOf } from './stems';

export interface FeatureConfig {
  charMin: number;
  charMax: number;
  /** Minimum document frequency per group at training time. */
  minDf: { w: number; b: number; c: number; x: number; s?: number };
  /** Scale of each group's L2-normalised block. */
  groupWeight: { w: number; b: number; c: number; x: number; s?: number };
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  charMin: 3,
  charMax: 5,
  minDf: { w: 1, b: 2, c: 2, x: 1, s: 2 },
  groupWeight: { w: 1, b: 0.5, c: 1, x: 0.5, s: 0 },
};

export type Group = 'w' | 'b' | 'c' | 'x' | 's';
export const GROUPS: readonly Group[] = ['w', 'b', 'c', 'x', 's'];
/** Groups every model has; `s` came later and is optional in a stored model. */
export const REQUIRED_GROUPS: readonly Group[] = ['w', 'b', 'c', 'x'];

/** Tokens worth a stem feature: words of three letters or more. */
function stemmable(t: string): boolean {
  return t.length >= 3 && t !== NUMBER_TOKEN && !isEmojiToken(t) && !/\d/.test(t);
}

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
  /** Raw counts of every feature name in the text. */
  counts: Map<string, number>;
  /** Character n-gram feature names (`c:…`) of each distinct token. */
  grams: Map<string, string[]>;
}

export function textOf(subject: string | undefined | null, body: string | undefined | null): string {
  const s = (subject ?? '').trim();
  const b = (body ?? '').trim();
  return s && b ? `${s}\n${b}` : s || b;
}

function add(m: Map<string, number>, k: string, v = 1): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Character n-grams of one token, with `<` `>` as word boundaries. */
export function charGrams(token: string, min: number, max: number): string[] {
  const out: string[] = [];
  if (token === NUMBER_TOKEN || isEmojiToken(token)) return out;
  const padded = `<${token}>`;
  if (!SURROGATE.test(padded)) {
    for (let n = min; n <= max && n <= padded.length; n++) {
      for (let i = 0; i + n <= padded.length; i++) out.push(padded.substring(i, i + n));
    }
    return out;
  }
  const chars = Array.from(padded);
  for (let n = min; n <= max && n <= chars.length; n++) {
    for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  }
  return out;
}

/** Cue features (`x:…`) of a text: punctuation, identity numbers, addresses, cue lexicons. */
export function surfaceCues(rawText: string, tokens: readonly string[]): [string, number][] {
  const out: [string, number][] = [];
  // from the raw text, before punctuation is stripped
  if (rawText.includes('?') || rawText.includes('؟')) out.push(['x:?', 1]);
  if (rawText.includes('!')) out.push(['x:!', 1]);
  if (/!!|\?\?/.test(rawText)) out.push(['x:!!', 1]);
  if (PERSONAL_NUMBER.test(rawText)) out.push(['x:personal_number', 1]);
  if (STREET_ADDRESS.test(rawText)) out.push(['x:street_address', 1]);
  if (/\b[A-ZÅÄÖ]{5,}\b/.test(rawText)) out.push(['x:shouting', 1]);
  if (tokens.length <= 8) out.push(['x:short', 1]);
  for (const m of cues().match(tokens)) out.push(['x:cue_' + CUE_LABELS[m.label], m.weight]);
  return out;
}

/** Feature counts of a text by name (used at training time, where the vocabulary is built). */
export function extract(rawText: string, config: FeatureConfig = DEFAULT_FEATURE_CONFIG, language = 'sv'): ExtractedText {
  const stems = (config.groupWeight.s ?? 0) > 0;
  const tokens = tokenize(rawText);
  const counts = new Map<string, number>();
  const grams = new Map<string, string[]>();
  let prev: string | null = null;
  for (const t of tokens) {
    const single = t.length === 1 && !isEmojiToken(t) && !/\d/.test(t);
    if (!single) add(counts, 'w:' + t);
    if (prev !== null) add(counts, `b:${prev} ${t}`);
    prev = t;
    if (t.length >= 2) {
      let g = grams.get(t);
      if (!g) {
        g = charGrams(t, config.charMin, config.charMax).map((x) => 'c:' + x);
        grams.set(t, g);
      }
      for (const x of g) add(counts, x);
    }
    if (stems && stemmable(t)) add(counts, 's:' + stemOf(t, language));
  }
  for (const [name, w] of surfaceCues(rawText, tokens)) add(counts, name, w);
  return { tokens, counts, grams };
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
    if (c >= (config.minDf[g] ?? 1)) features.push(k);
  }
  features.sort();
  const idf = features.map((f) => Math.log((n + 1) / ((df.get(f) ?? 0) + 1)) + 1);
  return { features, idf };
}

/** A token's word feature (or -1) and the features of its character n-grams; shared, never mutated. */
export interface TokenFeatures {
  readonly word: number;
  readonly grams: readonly number[];
}

const TOKEN_CACHE_SIZE = 50_000;

/** A text turned into its feature vector at classification time. */
export interface Featurized {
  tokens: string[];
  x: SparseVector;
  /** Per distinct token: its word feature (or -1) and the features of its character n-grams. */
  tokenFeatures: Map<string, TokenFeatures>;
  /** Raw count of each feature in the text (by feature index). */
  count(feature: number): number;
}

export class Vectorizer {
  readonly index: Map<string, number>;
  readonly groupOf: Uint8Array;
  private readonly groupWeight: number[];
  /** Look-ups without the group prefix, so classification builds no prefixed strings. */
  private readonly words = new Map<string, number>();
  private readonly bigrams = new Map<string, number>();
  private readonly chars = new Map<string, number>();
  private readonly stems = new Map<string, number>();
  private readonly useStems: boolean;
  /** Scratch counts per feature (classification is synchronous, so one buffer suffices). */
  private readonly scratch: Float64Array;
  /**
   * A token's features depend only on the token and this vocabulary. Citizens' words repeat
   * (Zipf), and cutting a word into its character n-grams and looking each up was most of the
   * cost of a classification, so they are kept; bounded, emptied when full.
   */
  private readonly tokenCache = new Map<string, TokenFeatures>();

  constructor(
    readonly vocab: Vocabulary,
    readonly config: FeatureConfig = DEFAULT_FEATURE_CONFIG,
  ) {
    this.index = new Map(vocab.features.map((f, i) => [f, i]));
    this.groupOf = new Uint8Array(vocab.features.length);
    vocab.features.forEach((f, i) => {
      this.groupOf[i] = GROUPS.indexOf(f[0] as Group);
      const bare = f.slice(2);
      if (f[0] === 'w') this.words.set(bare, i);
      else if (f[0] === 'b') this.bigrams.set(bare, i);
      else if (f[0] === 'c') this.chars.set(bare, i);
      else if (f[0] === 's') this.stems.set(bare, i);
    });
    this.groupWeight = GROUPS.map((g) => config.groupWeight[g] ?? 0);
    this.useStems = this.stems.size > 0 && (config.groupWeight.s ?? 0) > 0;
    this.scratch = new Float64Array(vocab.features.length);
  }

  get dimension(): number {
    return this.vocab.features.length;
  }

  /** tf·idf vector, L2-normalised per group; indices ascending when `sorted` (needed for sparseDot). */
  vectorize(doc: ExtractedText, sorted = false): SparseVector {
    const touched: number[] = [];
    const counts: number[] = [];
    for (const [k, c] of doc.counts) {
      const i = this.index.get(k);
      if (i === undefined) continue;
      touched.push(i);
      counts.push(c);
    }
    const x = this.weigh(touched, counts);
    if (!sorted) return x;
    const order = Array.from(x.idx.keys()).sort((a, b) => x.idx[a] - x.idx[b]);
    return { idx: Int32Array.from(order, (j) => x.idx[j]), val: Float64Array.from(order, (j) => x.val[j]) };
  }

  private weigh(touched: readonly number[], counts: readonly number[]): SparseVector {
    const q = touched.length;
    const idx = new Int32Array(q);
    const val = new Float64Array(q);
    const norms = GROUPS.map(() => 0);
    for (let j = 0; j < q; j++) {
      const i = touched[j];
      const v = (1 + Math.log(counts[j])) * this.vocab.idf[i];
      idx[j] = i;
      val[j] = v;
      norms[this.groupOf[i]] += v * v;
    }
    for (let g = 0; g < norms.length; g++) norms[g] = norms[g] > 0 ? this.groupWeight[g] / Math.sqrt(norms[g]) : 0;
    for (let j = 0; j < q; j++) val[j] *= norms[this.groupOf[idx[j]]];
    return { idx, val };
  }

  /**
   * The same vector as vectorize(extract(text)), computed straight into feature indices:
   * the fast path used for every classification.
   */
  featurize(rawText: string, language = 'sv'): Featurized {
    const tokens = tokenize(rawText);
    const cnt = this.scratch;
    const touched: number[] = [];
    const bump = (f: number | undefined, w = 1) => {
      if (f === undefined) return;
      if (cnt[f] === 0) touched.push(f);
      cnt[f] += w;
    };
    const tokenFeatures = new Map<string, TokenFeatures>();
    let prev: string | null = null;
    for (const t of tokens) {
      let tf = tokenFeatures.get(t);
      if (!tf) {
        tf = this.tokenCache.get(t) ?? this.tokenFeaturesOf(t);
        tokenFeatures.set(t, tf);
      }
      if (this.useStems && stemmable(t)) bump(this.stemFeature(t, language));
      if (tf.word >= 0) bump(tf.word);
      if (prev !== null) bump(this.bigrams.get(`${prev} ${t}`));
      prev = t;
      for (const f of tf.grams) bump(f);
    }
    for (const [name, w] of surfaceCues(rawText, tokens)) bump(this.index.get(name), w);
    const counts = touched.map((f) => cnt[f]);
    const countOf = new Map<number, number>();
    touched.forEach((f, j) => {
      countOf.set(f, counts[j]);
      cnt[f] = 0;
    });
    const x = this.weigh(touched, counts);
    return { tokens, x, tokenFeatures, count: (f: number) => countOf.get(f) ?? 0 };
  }

  /** A token's stem feature in a language, cached like the token features (bounded). */
  private readonly stemCache = new Map<string, number | undefined>();
  private stemFeature(t: string, language: string): number | undefined {
    const key = `${language}\u0000${t}`;
    if (this.stemCache.has(key)) return this.stemCache.get(key);
    const f = this.stems.get(stemOf(t, language));
    if (this.stemCache.size >= TOKEN_CACHE_SIZE) this.stemCache.clear();
    this.stemCache.set(key, f);
    return f;
  }

  private tokenFeaturesOf(t: string): TokenFeatures {
    const { charMin, charMax } = this.config;
    const single = t.length === 1 && !isEmojiToken(t) && !/\d/.test(t);
    const grams: number[] = [];
    if (t.length >= 2) {
      for (const g of charGrams(t, charMin, charMax)) {
        const f = this.chars.get(g);
        if (f !== undefined) grams.push(f);
      }
    }
    const tf = { word: single ? -1 : (this.words.get(t) ?? -1), grams };
    if (this.tokenCache.size >= TOKEN_CACHE_SIZE) this.tokenCache.clear();
    this.tokenCache.set(t, tf);
    return tf;
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
