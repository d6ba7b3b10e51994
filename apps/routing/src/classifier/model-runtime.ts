/**
 * The runtime classifier: loads a validated model and classifies one inquiry at a time, with a
 * calibrated confidence and an explanation of what decided the department.
 */
import { CatalogueIndex, CatalogueKeywords, CatalogueScores, StoredCatalogueEntry, storeCatalogue } from './catalogue';
import { Calibration, calibratedProbabilities } from './calibrate';
import { Featurized, SparseVector, Vectorizer, textOf } from './features';
import { detectLanguage, normalizeLanguageTag } from './language';
import { AnyHeadName, Classification, ClassifierInput, ModelData, headsOf, validateModel } from './model-schema';
import { mixFirstLine } from './topic-intent';

interface RuntimeHead {
  labels: string[];
  k: number;
  cal: Calibration;
}

const CUE_NAMES: Record<string, string> = {
  'x:?': 'question mark',
  'x:!': 'exclamation mark',
  'x:!!': 'repeated !! or ??',
  'x:personal_number': 'personal identity number',
  'x:street_address': 'street address',
  'x:shouting': 'capital letters',
  'x:short': 'very short message',
};

export interface ClassifierOptions {
  /** Replace the catalogue stored in the model (e.g. after a municipality edited its keywords). */
  catalogue?: CatalogueKeywords | null;
}

export class Classifier {
  private readonly vectorizer: Vectorizer;
  private readonly heads: Record<AnyHeadName, RuntimeHead>;
  private readonly headNames: AnyHeadName[];
  /** Index of the first line among the departments when a first-line head decides the intent, else -1. */
  private readonly firstLineIdx: number;
  private readonly catalogue: CatalogueIndex | null;
  private readonly entries: StoredCatalogueEntry[];
  /** All heads' weights side by side (feature-major), so one pass over the features scores every head. */
  private readonly wAll: Float64Array;
  private readonly bAll: Float64Array;
  private readonly offsets: Record<AnyHeadName, number>;
  private readonly kAll: number;
  /** Per head and feature: the mean of its class weights (contributions are explained relative to it). */
  private readonly meanWeight = new Map<AnyHeadName, Float64Array>();
  /** Scratch buffer for explanations (zero between calls). */
  private readonly contribution: Float64Array;

  private constructor(
    private readonly data: ModelData,
    catalogueOverride?: StoredCatalogueEntry[],
  ) {
    const f = data.features;
    this.vectorizer = new Vectorizer({ features: f.vocabulary, idf: f.idf }, f.config);
    const d = f.vocabulary.length;
    const heads = {} as Record<AnyHeadName, RuntimeHead>;
    const offsets = {} as Record<AnyHeadName, number>;
    const headNames = headsOf(data);
    let kAll = 0;
    for (const h of headNames) {
      const hd = data.heads[h]!;
      offsets[h] = kAll;
      kAll += hd.labels.length;
      heads[h] = { labels: hd.labels, k: hd.labels.length, cal: hd.calibration };
    }
    this.wAll = new Float64Array(d * kAll);
    this.bAll = new Float64Array(kAll);
    for (const h of headNames) {
      const { weights, bias } = data.heads[h]!;
      const k = heads[h].k;
      const o = offsets[h];
      for (let i = 0; i < d; i++) for (let c = 0; c < k; c++) this.wAll[i * kAll + o + c] = weights[i * k + c];
      for (let c = 0; c < k; c++) this.bAll[o + c] = bias[c];
    }
    this.contribution = new Float64Array(d);
    for (const h of ['department', 'firstLine'] as const) {
      const hd = data.heads[h];
      if (!hd) continue;
      const k = hd.labels.length;
      const mean = new Float64Array(d);
      for (let i = 0; i < d; i++) {
        let m = 0;
        for (let c = 0; c < k; c++) m += hd.weights[i * k + c];
        mean[i] = m / k;
      }
      this.meanWeight.set(h, mean);
    }
    this.heads = heads;
    this.headNames = headNames;
    this.firstLineIdx = data.heads.firstLine && data.firstLineDepartment ? heads.department.labels.indexOf(data.firstLineDepartment) : -1;
    this.offsets = offsets;
    this.kAll = kAll;
    this.entries = catalogueOverride ?? data.catalogue;
    this.catalogue = this.entries.length ? new CatalogueIndex(this.entries, heads.department.labels) : null;
  }

  /** Builds a classifier from a model (as produced by trainModel, possibly via JSON). Throws on a malformed model. */
  static fromModel(data: ModelData, opts: ClassifierOptions = {}): Classifier {
    validateModel(data);
    const override = opts.catalogue === undefined ? undefined : storeCatalogue(opts.catalogue);
    return new Classifier(data, override);
  }

  /** The same model with another catalogue (keywords), without retraining. */
  withCatalogue(catalogue: CatalogueKeywords | null): Classifier {
    return new Classifier(this.data, storeCatalogue(catalogue));
  }

  get departments(): string[] {
    return [...this.heads.department.labels];
  }

  get types(): string[] {
    return [...this.heads.type.labels];
  }

  get model(): ModelData {
    return this.data;
  }

  /** Raw logits of every head, concatenated in headNames order. */
  private rawScores(x: SparseVector): Float64Array {
    const k = this.kAll;
    const s = Float64Array.from(this.bAll);
    const w = this.wAll;
    for (let q = 0; q < x.idx.length; q++) {
      const base = x.idx[q] * k;
      const v = x.val[q];
      for (let c = 0; c < k; c++) s[c] += v * w[base + c];
    }
    return s;
  }

  private headScores(raw: Float64Array, h: AnyHeadName): Float64Array {
    const o = this.offsets[h];
    return raw.subarray(o, o + this.heads[h].k);
  }

  private binary(raw: Float64Array, h: AnyHeadName, extra: ArrayLike<number>): number {
    const head = this.heads[h];
    if (head.k === 1) return head.labels[0] === 'true' ? 1 : 0;
    const p = calibratedProbabilities(this.headScores(raw, h), head.cal, null, extra);
    return p[head.labels.indexOf('true')];
  }

  classify(input: ClassifierInput): Classification {
    if (!input || typeof input !== 'object') throw new TypeError('classify: input must be an object { subject?, body, language? }');
    if (typeof input.body !== 'string') throw new TypeError('classify: body must be a string');
    if (input.subject !== undefined && input.subject !== null && typeof input.subject !== 'string') throw new TypeError('classify: subject must be a string');
    const text = textOf(input.subject, input.body);
    const language = normalizeLanguageTag(input.language) ?? detectLanguage(text);
    const doc = this.vectorizer.featurize(text, language);
    const x = doc.x;
    const raw = this.rawScores(x);

    const dept = this.heads.department;
    const scores = this.catalogue ? this.catalogue.score(doc.tokens) : null;
    let evidence: Float64Array | null = null;
    if (scores && dept.cal.catalogueWeight > 0) {
      evidence = new Float64Array(dept.k);
      for (let c = 0; c < dept.k; c++) evidence[c] = Math.log1p(scores.departmentScore[c]);
    }
    const topic = calibratedProbabilities(this.headScores(raw, 'department'), dept.cal, evidence, null);
    // With a first-line head the department head gives the topic; the intent decides first line.
    const q = this.firstLineIdx >= 0 ? this.binary(raw, 'firstLine', topic) : 0;
    const pd = this.firstLineIdx >= 0 ? mixFirstLine(topic, q, this.firstLineIdx) : topic;
    const order = Array.from(pd.keys()).sort((a, b) => pd[b] - pd[a]);
    const best = order[0];

    const typeHead = this.heads.type;
    const pt = typeHead.k > 1 ? calibratedProbabilities(this.headScores(raw, 'type'), typeHead.cal, null, null) : Float64Array.of(1);
    let typeIdx = 0;
    for (let c = 1; c < typeHead.k; c++) if (pt[c] > pt[typeIdx]) typeIdx = c;
    const stacked = new Float64Array(dept.k + typeHead.k);
    stacked.set(pd, 0);
    stacked.set(pt, dept.k);
    const pFcr = this.binary(raw, 'firstContactResolvable', stacked);
    const pUrgent = this.binary(raw, 'urgent', stacked);

    let category: string | null = null;
    if (scores) {
      let bestScore = 0;
      this.entries.forEach((e, i) => {
        if (e.code && e.department === dept.labels[best] && scores.entryScore[i] > bestScore) {
          bestScore = scores.entryScore[i];
          category = e.code;
        }
      });
    }

    return {
      department: dept.labels[best],
      category,
      type: typeHead.labels[typeIdx],
      firstContactResolvable: pFcr >= this.data.thresholds.firstContactResolvable,
      urgent: pUrgent >= this.data.thresholds.urgent,
      language,
      confidence: pd[best],
      typeConfidence: pt[typeIdx],
      firstContactResolvableProbability: pFcr,
      urgentProbability: pUrgent,
      // First line chosen for its intent: what made it a first-line question explains it.
      explanation: best === this.firstLineIdx && q >= pd[best] / 2 ? this.explain(doc, 'firstLine', 1, null, null) : this.explain(doc, 'department', best, evidence, scores),
      alternatives: order.slice(1, 4).map((c) => ({ department: dept.labels[c], confidence: pd[c] })),
    };
  }

  /**
   * Contributions to the chosen class's calibrated logit (a department, or first line's intent),
   * relative to the head's average class: character n-grams are credited to the words they come
   * from, so the list reads as words, phrases, cues and catalogue keywords.
   */
  private explain(doc: Featurized, h: 'department' | 'firstLine', cls: number, evidence: Float64Array | null, scores: CatalogueScores | null, top = 8): { feature: string; weight: number }[] {
    const head = this.heads[h];
    const mean = this.meanWeight.get(h)!;
    const k = this.kAll;
    const col = this.offsets[h] + cls;
    const feats = this.data.features.vocabulary;
    const x = doc.x;
    const contrib = this.contribution;
    for (let q = 0; q < x.idx.length; q++) {
      const f = x.idx[q];
      contrib[f] = head.cal.scale * x.val[q] * (this.wAll[f * k + col] - mean[f]);
    }
    const out = new Map<string, number>();
    const addOut = (name: string, v: number) => out.set(name, (out.get(name) ?? 0) + v);
    for (const [t, tf] of doc.tokenFeatures) {
      let v = tf.word >= 0 ? contrib[tf.word] : 0;
      // every occurrence of an n-gram in the text gets an equal share of its contribution
      for (const f of tf.grams) v += contrib[f] / Math.max(1, doc.count(f));
      if (v !== 0) addOut(`word:${t}`, v);
    }
    for (let q = 0; q < x.idx.length; q++) {
      const f = x.idx[q];
      const v = contrib[f];
      contrib[f] = 0;
      const fname = feats[f];
      if (fname.startsWith('b:')) addOut(`phrase:${fname.slice(2)}`, v);
      else if (fname.startsWith('x:')) addOut(`cue:${CUE_NAMES[fname] ?? fname.slice(2).replace(/^cue_/, '') + ' words'}`, v);
    }
    if (evidence && scores && head.cal.catalogueWeight > 0) {
      let mean = 0;
      for (let c = 0; c < head.k; c++) mean += evidence[c];
      mean /= head.k;
      const total = head.cal.catalogueWeight * (evidence[cls] - mean);
      const mine = new Map<string, { weight: number; code: string | null }>();
      for (const m of scores.matches) {
        const e = this.entries[m.label];
        if (e.department !== head.labels[cls] || mine.has(m.keyword)) continue;
        mine.set(m.keyword, { weight: m.weight, code: e.code });
      }
      let sum = 0;
      for (const v of mine.values()) sum += v.weight;
      for (const [kw, v] of mine) addOut(`keyword:${kw}${v.code ? ` (${v.code})` : ''}`, (total * v.weight) / Math.max(sum, 1e-9));
    }
    return [...out.entries()]
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([feature, weight]) => ({ feature, weight: Math.round(weight * 1000) / 1000 }));
  }
}
