/**
 * The inquiry classifier: training (trainModel), the serialisable model (ModelData) and the
 * runtime (Classifier).
 *
 * Four heads share one feature space (words, bigrams, character n-grams, cues): department
 * (11 classes), type (6), first-contact-resolvable and urgent (binary). Each is an
 * L2-regularised multinomial logistic regression. Confidences are calibrated on out-of-fold
 * predictions made during training (temperature scaling; Platt scaling for the binary heads),
 * and the department head blends in the catalogue's keyword prior with a weight fitted on the
 * same held-out predictions.
 */
import { CatalogueIndex, CatalogueKeywords, StoredCatalogueEntry, catalogueDocuments, storeCatalogue } from './catalogue';
import { Calibration, fitCalibration } from './calibrate';
import {
  DEFAULT_FEATURE_CONFIG,
  ExtractedText,
  FeatureConfig,
  GROUPS,
  SparseVector,
  Vectorizer,
  buildVocabulary,
  charGrams,
  extract,
  textOf,
} from './features';
import { stratifiedFolds } from './folds';
import { detectLanguage, normalizeLanguageTag } from './language';
import { DualModel, dualScores, gramMatrix, primalWeights, subGram, trainSoftmax } from './logreg';
import { softmaxInto } from './optim';

export const MODEL_VERSION = 1;
export const MODEL_KIND = 'lotsen-inquiry-classifier';

export interface TrainingExample {
  subject?: string;
  text: string;
  language?: string;
  department: string;
  type: string;
  firstContactResolvable: boolean;
  urgent: boolean;
}

export interface ClassifierInput {
  subject?: string;
  body: string;
  language?: string;
}

export interface Classification {
  department: string;
  /** Best-matching catalogue category of the chosen department (keyword match), or null. */
  category: string | null;
  type: string;
  firstContactResolvable: boolean;
  urgent: boolean;
  language: string;
  /** Calibrated probability of the chosen department. */
  confidence: number;
  /** Calibrated probability of the chosen type. */
  typeConfidence: number;
  /** Calibrated probability that the contact center can answer at once. */
  firstContactResolvableProbability: number;
  /** Probability that it needs action today (decision threshold: model.thresholds.urgent). */
  urgentProbability: number;
  /** What decided the department: words, phrases, cues and catalogue keywords with their logit contribution. */
  explanation: { feature: string; weight: number }[];
  /** The runner-up departments, most likely first. */
  alternatives: { department: string; confidence: number }[];
}

export interface HeadData {
  labels: string[];
  /** Feature-major weights: weights[f * labels.length + c]. */
  weights: number[];
  bias: number[];
  calibration: Calibration;
}

export interface ModelData {
  version: number;
  kind: string;
  createdAt: string;
  features: { config: FeatureConfig; vocabulary: string[]; idf: number[] };
  heads: { department: HeadData; type: HeadData; firstContactResolvable: HeadData; urgent: HeadData };
  catalogue: StoredCatalogueEntry[];
  thresholds: { firstContactResolvable: number; urgent: number };
  training: {
    examples: number;
    departments: Record<string, number>;
    types: Record<string, number>;
    languages: Record<string, number>;
    catalogueTexts: number;
    seed: number;
    l2: number;
    calibrationFolds: number;
    /** Held-out department accuracy seen while calibrating (a rough quality indicator). */
    heldOutDepartmentAccuracy: number | null;
  };
}

export interface TrainOptions {
  catalogue?: CatalogueKeywords;
  seed?: number;
  onProgress?: (msg: string) => void;
  /** L2 penalty (default 0.2). */
  l2?: number;
  /** Folds for the out-of-fold calibration (default 5; 0 disables calibration). */
  calibrationFolds?: number;
  /** Weight of urgent examples relative to non-urgent ones (default: √(non-urgent / urgent)). */
  urgentWeight?: number;
  /** Also train the department head on the catalogue's names, descriptions and keywords (default true). */
  catalogueAsTraining?: boolean;
  /** Weight of one catalogue text relative to one example (default 0.5). */
  catalogueTextWeight?: number;
}

const DEFAULT_L2 = 0.2;
/** Act on "urgent" from this probability: missing an urgent case costs more than a false alarm. */
const DEFAULT_URGENT_THRESHOLD = 0.5;
const DEFAULT_FCR_THRESHOLD = 0.5;
const HEAD_NAMES = ['department', 'type', 'firstContactResolvable', 'urgent'] as const;
type HeadName = (typeof HEAD_NAMES)[number];

function round6(v: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(6));
}

function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function validateExamples(examples: readonly TrainingExample[]): void {
  if (!Array.isArray(examples)) throw new Error('trainModel: examples must be an array of training examples');
  if (examples.length === 0) throw new Error('trainModel: the training set is empty; at least two departments with examples are needed');
  examples.forEach((e, i) => {
    if (!e || typeof e !== 'object') throw new Error(`trainModel: example ${i} is not an object`);
    if (typeof e.text !== 'string') throw new Error(`trainModel: example ${i} has no text`);
    if (typeof e.department !== 'string' || !e.department) throw new Error(`trainModel: example ${i} has no department`);
    if (typeof e.type !== 'string' || !e.type) throw new Error(`trainModel: example ${i} has no type`);
    if (typeof e.firstContactResolvable !== 'boolean') throw new Error(`trainModel: example ${i}: firstContactResolvable must be a boolean`);
    if (typeof e.urgent !== 'boolean') throw new Error(`trainModel: example ${i}: urgent must be a boolean`);
  });
  const usable = examples.filter((e) => textOf(e.subject, e.text).trim().length > 0);
  if (usable.length === 0) throw new Error('trainModel: every training example has an empty text');
  const depts = new Set(usable.map((e) => e.department));
  if (depts.size < 2) {
    throw new Error(`trainModel: degenerate training set: only one department (${[...depts][0]}); at least two departments are needed`);
  }
}

interface HeadTarget {
  labels: string[];
  y: Int32Array;
  sampleWeight?: Float64Array;
}

function encode(values: readonly string[], order?: readonly string[]): HeadTarget {
  const labels = order ? [...order].filter((l) => values.includes(l)) : [...new Set(values)].sort();
  const map = new Map(labels.map((l, i) => [l, i]));
  return { labels, y: Int32Array.from(values.map((v) => map.get(v)!)) };
}

/** Catalogue evidence per document and department: log(1 + matched keyword weight). */
function catalogueEvidence(index: CatalogueIndex | null, docs: readonly ExtractedText[], k: number): Float64Array | null {
  if (!index || index.empty) return null;
  const out = new Float64Array(docs.length * k);
  docs.forEach((d, i) => {
    const s = index.score(d.tokens).departmentScore;
    for (let c = 0; c < k; c++) out[i * k + c] = Math.log1p(s[c]);
  });
  return out;
}

function pick(arr: Float64Array, rows: readonly number[], k: number): Float64Array {
  const out = new Float64Array(rows.length * k);
  rows.forEach((r, a) => out.set(arr.subarray(r * k, r * k + k), a * k));
  return out;
}

export function trainModel(examples: TrainingExample[], opts: TrainOptions = {}): ModelData {
  validateExamples(examples);
  const progress = opts.onProgress ?? (() => undefined);
  const seed = opts.seed ?? 42;
  const l2 = opts.l2 ?? DEFAULT_L2;
  const config = DEFAULT_FEATURE_CONFIG;
  const data = examples.filter((e) => textOf(e.subject, e.text).trim().length > 0);
  const n = data.length;
  const t0 = Date.now();

  const docs = data.map((e) => extract(textOf(e.subject, e.text), config));
  const deptSet = new Set(data.map((e) => e.department));
  // The catalogue's names, descriptions and keywords as extra department-labelled texts.
  const pseudo = opts.catalogueAsTraining === false ? [] : catalogueDocuments(opts.catalogue).filter((p) => deptSet.has(p.department));
  const pseudoDocs = pseudo.map((p) => extract(p.text, config));
  const allDocs = [...docs, ...pseudoDocs];
  const m = allDocs.length;
  const vocab = buildVocabulary(allDocs, config);
  const vectorizer = new Vectorizer(vocab, config);
  const vecs = allDocs.map((d) => vectorizer.vectorize(d));
  const gram = gramMatrix(vecs);
  progress(`features: ${n} examples + ${pseudo.length} catalogue texts, ${vocab.features.length} features (${Date.now() - t0} ms)`);

  const targets: Record<HeadName, HeadTarget> = {
    department: encode(data.map((e) => e.department)),
    type: encode(data.map((e) => e.type)),
    firstContactResolvable: encode(data.map((e) => String(e.firstContactResolvable)), ['false', 'true']),
    urgent: encode(data.map((e) => String(e.urgent)), ['false', 'true']),
  };
  {
    const u = targets.urgent;
    if (u.labels.length === 2) {
      const pos = data.filter((e) => e.urgent).length;
      const w = opts.urgentWeight ?? Math.sqrt((n - pos) / pos);
      u.sampleWeight = Float64Array.from(data.map((e) => (e.urgent ? w : 1)));
    }
  }
  const departments = targets.department.labels;
  const deptIndex = new Map(departments.map((d, i) => [d, i]));
  const pseudoIdx = pseudo.map((_, j) => n + j);
  const pseudoWeight = opts.catalogueTextWeight ?? 0.5;
  /** Labels and weights of any document index (pseudo documents only exist for the department head). */
  const labelOf = (h: HeadName, i: number) => (i < n ? targets[h].y[i] : deptIndex.get(pseudo[i - n].department)!);
  const weightOf = (h: HeadName, i: number) => (i < n ? (targets[h].sampleWeight?.[i] ?? 1) : pseudoWeight);
  const fitHead = (h: HeadName, realTrain: readonly number[]): { model: DualModel; rows: number[] } => {
    const rows = h === 'department' ? [...realTrain, ...pseudoIdx] : [...realTrain];
    const k = targets[h].labels.length;
    const model = trainSoftmax(subGram(gram, m, rows), rows.length, Int32Array.from(rows.map((i) => labelOf(h, i))), k, {
      l2,
      sampleWeight: Float64Array.from(rows.map((i) => weightOf(h, i))),
    });
    return { model, rows };
  };

  const storedCatalogue = storeCatalogue(opts.catalogue);
  const catIndex = storedCatalogue.length ? new CatalogueIndex(storedCatalogue, departments) : null;
  const catEvidence = catalogueEvidence(catIndex, docs, departments.length);

  // Out-of-fold raw scores for calibration.
  const minClass = Math.min(...Object.values(countBy(data.map((e) => e.department))));
  const folds = opts.calibrationFolds === 0 || n < 20 ? 0 : Math.max(2, Math.min(opts.calibrationFolds ?? 5, Math.max(2, minClass)));
  const calibrations = {} as Record<HeadName, Calibration>;
  let heldOutAccuracy: number | null = null;
  if (folds >= 2) {
    const foldOf = stratifiedFolds(
      data.map((e) => e.department),
      folds,
      seed,
    );
    const oof = {} as Record<HeadName, Float64Array>;
    for (const h of HEAD_NAMES) oof[h] = new Float64Array(n * targets[h].labels.length);
    for (let f = 0; f < folds; f++) {
      const train: number[] = [];
      const test: number[] = [];
      for (let i = 0; i < n; i++) (foldOf[i] === f ? test : train).push(i);
      for (const h of HEAD_NAMES) {
        const k = targets[h].labels.length;
        const { model, rows } = fitHead(h, train);
        const s = dualScores(subGram(gram, m, test, rows), test.length, model, rows.length);
        test.forEach((i, a) => oof[h].set(s.subarray(a * k, a * k + k), i * k));
      }
      progress(`calibration fold ${f + 1}/${folds} (${Date.now() - t0} ms)`);
    }
    for (const h of HEAD_NAMES) {
      const t = targets[h];
      calibrations[h] = fitCalibration({
        scores: oof[h],
        catalogue: h === 'department' ? catEvidence : null,
        labels: t.y,
        k: t.labels.length,
        fitShift: h === 'firstContactResolvable' || h === 'urgent',
      });
    }
    // held-out department accuracy with the fitted calibration
    const k = departments.length;
    const cal = calibrations.department;
    let correct = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestV = -Infinity;
      for (let c = 0; c < k; c++) {
        const v = cal.scale * oof.department[i * k + c] + (catEvidence ? cal.catalogueWeight * catEvidence[i * k + c] : 0);
        if (v > bestV) {
          bestV = v;
          best = c;
        }
      }
      if (best === targets.department.y[i]) correct++;
    }
    heldOutAccuracy = correct / n;
  } else {
    for (const h of HEAD_NAMES) {
      const k = targets[h].labels.length;
      calibrations[h] = { scale: 1, catalogueWeight: h === 'department' && catEvidence ? 1 : 0, shift: new Array(k).fill(0) };
    }
  }

  // Final heads on all examples.
  const heads = {} as Record<HeadName, HeadData>;
  const d = vocab.features.length;
  const all = Array.from({ length: n }, (_, i) => i);
  for (const h of HEAD_NAMES) {
    const t = targets[h];
    const { model, rows } = fitHead(h, all);
    const w = primalWeights(
      rows.map((i) => vecs[i]),
      model,
      d,
    );
    const cal = calibrations[h];
    heads[h] = {
      labels: t.labels,
      weights: Array.from(w, round6),
      bias: Array.from(model.bias, round6),
      calibration: { scale: round6(cal.scale), catalogueWeight: round6(cal.catalogueWeight), shift: cal.shift.map(round6) },
    };
  }
  progress(`trained 4 heads on ${n} examples in ${Date.now() - t0} ms`);

  return {
    version: MODEL_VERSION,
    kind: MODEL_KIND,
    createdAt: new Date().toISOString(),
    features: { config, vocabulary: vocab.features, idf: vocab.idf.map(round6) },
    heads,
    catalogue: storedCatalogue,
    thresholds: { firstContactResolvable: DEFAULT_FCR_THRESHOLD, urgent: DEFAULT_URGENT_THRESHOLD },
    training: {
      examples: n,
      departments: countBy(data.map((e) => e.department)),
      types: countBy(data.map((e) => e.type)),
      languages: countBy(data.map((e) => e.language ?? 'unknown')),
      catalogueTexts: pseudo.length,
      seed,
      l2,
      calibrationFolds: folds,
      heldOutDepartmentAccuracy: heldOutAccuracy,
    },
  };
}

// ---------------------------------------------------------------------------------- runtime

interface RuntimeHead {
  labels: string[];
  k: number;
  w: Float64Array;
  b: Float64Array;
  cal: Calibration;
}

function fail(msg: string): never {
  throw new Error(`Classifier.fromModel: malformed model: ${msg}`);
}

function isFiniteNumberArray(a: unknown, len?: number): a is number[] {
  if (!Array.isArray(a)) return false;
  if (len !== undefined && a.length !== len) return false;
  for (const v of a) if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  return true;
}

function validateModel(data: ModelData): void {
  if (!data || typeof data !== 'object') fail('not an object');
  if (data.version !== MODEL_VERSION) fail(`unsupported version ${String(data.version)} (expected ${MODEL_VERSION})`);
  if (data.kind !== MODEL_KIND) fail(`kind must be "${MODEL_KIND}"`);
  const f = data.features;
  if (!f || typeof f !== 'object') fail('features missing');
  const c = f.config;
  if (!c || typeof c !== 'object' || !Number.isInteger(c.charMin) || !Number.isInteger(c.charMax) || c.charMin < 1 || c.charMax < c.charMin) fail('features.config invalid');
  if (!c.groupWeight || GROUPS.some((g) => typeof c.groupWeight[g] !== 'number' || !Number.isFinite(c.groupWeight[g]))) fail('features.config.groupWeight invalid');
  if (!Array.isArray(f.vocabulary) || f.vocabulary.some((v) => typeof v !== 'string' || !GROUPS.includes(v[0] as never))) fail('features.vocabulary must be an array of feature names');
  if (new Set(f.vocabulary).size !== f.vocabulary.length) fail('features.vocabulary has duplicates');
  const d = f.vocabulary.length;
  if (!isFiniteNumberArray(f.idf, d)) fail('features.idf must be finite numbers, one per feature');
  if (!data.heads || typeof data.heads !== 'object') fail('heads missing');
  for (const h of HEAD_NAMES) {
    const head = data.heads[h];
    if (!head || typeof head !== 'object') fail(`head ${h} missing`);
    if (!Array.isArray(head.labels) || head.labels.length === 0 || head.labels.some((l) => typeof l !== 'string' || !l)) fail(`head ${h}: labels invalid`);
    if (new Set(head.labels).size !== head.labels.length) fail(`head ${h}: duplicate labels`);
    const k = head.labels.length;
    if (!isFiniteNumberArray(head.weights, d * k)) fail(`head ${h}: weights must be ${d}×${k} finite numbers`);
    if (!isFiniteNumberArray(head.bias, k)) fail(`head ${h}: bias must be ${k} finite numbers`);
    const cal = head.calibration;
    if (!cal || typeof cal.scale !== 'number' || !(cal.scale > 0) || !Number.isFinite(cal.scale)) fail(`head ${h}: calibration.scale must be a positive number`);
    if (typeof cal.catalogueWeight !== 'number' || !Number.isFinite(cal.catalogueWeight) || cal.catalogueWeight < 0) fail(`head ${h}: calibration.catalogueWeight invalid`);
    if (!isFiniteNumberArray(cal.shift, k)) fail(`head ${h}: calibration.shift must be ${k} finite numbers`);
  }
  if (data.heads.department.labels.length < 2) fail('the department head needs at least two departments');
  for (const h of ['firstContactResolvable', 'urgent'] as const) {
    if (data.heads[h].labels.some((l) => l !== 'true' && l !== 'false')) fail(`head ${h}: labels must be "false"/"true"`);
  }
  if (!Array.isArray(data.catalogue)) fail('catalogue must be an array');
  data.catalogue.forEach((e, i) => {
    if (!e || typeof e.department !== 'string' || !Array.isArray(e.keywords) || e.keywords.some((k) => typeof k !== 'string')) fail(`catalogue entry ${i} invalid`);
  });
  const t = data.thresholds;
  if (!t || typeof t.urgent !== 'number' || typeof t.firstContactResolvable !== 'number' || !(t.urgent > 0 && t.urgent < 1) || !(t.firstContactResolvable > 0 && t.firstContactResolvable < 1)) {
    fail('thresholds must be numbers in (0, 1)');
  }
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
  private readonly heads: Record<HeadName, RuntimeHead>;
  private readonly catalogue: CatalogueIndex | null;
  private readonly entries: StoredCatalogueEntry[];

  private constructor(
    private readonly data: ModelData,
    catalogueOverride?: StoredCatalogueEntry[],
  ) {
    const f = data.features;
    this.vectorizer = new Vectorizer({ features: f.vocabulary, idf: f.idf }, f.config);
    const heads = {} as Record<HeadName, RuntimeHead>;
    for (const h of HEAD_NAMES) {
      const hd = data.heads[h];
      heads[h] = {
        labels: hd.labels,
        k: hd.labels.length,
        w: Float64Array.from(hd.weights),
        b: Float64Array.from(hd.bias),
        cal: hd.calibration,
      };
    }
    this.heads = heads;
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

  private rawScores(head: RuntimeHead, x: SparseVector): Float64Array {
    const k = head.k;
    const s = new Float64Array(k);
    for (let c = 0; c < k; c++) s[c] = head.b[c];
    for (let q = 0; q < x.idx.length; q++) {
      const base = x.idx[q] * k;
      const v = x.val[q];
      for (let c = 0; c < k; c++) s[c] += v * head.w[base + c];
    }
    return s;
  }

  private probabilities(head: RuntimeHead, x: SparseVector, evidence: Float64Array | null): Float64Array {
    const raw = this.rawScores(head, x);
    const z = new Float64Array(head.k);
    for (let c = 0; c < head.k; c++) {
      z[c] = head.cal.scale * raw[c] + head.cal.shift[c] + (evidence ? head.cal.catalogueWeight * evidence[c] : 0);
    }
    const p = new Float64Array(head.k);
    softmaxInto(z, p, head.k);
    return p;
  }

  private binary(head: RuntimeHead, x: SparseVector): number {
    if (head.k === 1) return head.labels[0] === 'true' ? 1 : 0;
    const p = this.probabilities(head, x, null);
    return p[head.labels.indexOf('true')];
  }

  classify(input: ClassifierInput): Classification {
    if (!input || typeof input !== 'object') throw new TypeError('classify: input must be an object { subject?, body, language? }');
    if (typeof input.body !== 'string') throw new TypeError('classify: body must be a string');
    if (input.subject !== undefined && input.subject !== null && typeof input.subject !== 'string') throw new TypeError('classify: subject must be a string');
    const text = textOf(input.subject, input.body);
    const doc = extract(text, this.data.features.config);
    const x = this.vectorizer.vectorize(doc);

    const dept = this.heads.department;
    let evidence: Float64Array | null = null;
    let scores: ReturnType<CatalogueIndex['score']> | null = null;
    if (this.catalogue && dept.cal.catalogueWeight > 0) {
      scores = this.catalogue.score(doc.tokens);
      evidence = new Float64Array(dept.k);
      for (let c = 0; c < dept.k; c++) evidence[c] = Math.log1p(scores.departmentScore[c]);
    } else if (this.catalogue) {
      scores = this.catalogue.score(doc.tokens);
    }
    const pd = this.probabilities(dept, x, evidence);
    const order = Array.from(pd.keys()).sort((a, b) => pd[b] - pd[a]);
    const best = order[0];

    const typeHead = this.heads.type;
    let typeIdx = 0;
    let typeConf = 1;
    if (typeHead.k > 1) {
      const pt = this.probabilities(typeHead, x, null);
      for (let c = 1; c < typeHead.k; c++) if (pt[c] > pt[typeIdx]) typeIdx = c;
      typeConf = pt[typeIdx];
    }
    const pFcr = this.binary(this.heads.firstContactResolvable, x);
    const pUrgent = this.binary(this.heads.urgent, x);

    let category: string | null = null;
    if (scores) {
      let bestScore = 0;
      this.entries.forEach((e, i) => {
        if (e.code && e.department === dept.labels[best] && scores!.entryScore[i] > bestScore) {
          bestScore = scores!.entryScore[i];
          category = e.code;
        }
      });
    }

    const given = normalizeLanguageTag(input.language);
    return {
      department: dept.labels[best],
      category,
      type: typeHead.labels[typeIdx],
      firstContactResolvable: pFcr >= this.data.thresholds.firstContactResolvable,
      urgent: pUrgent >= this.data.thresholds.urgent,
      language: given ?? detectLanguage(text),
      confidence: pd[best],
      typeConfidence: typeConf,
      firstContactResolvableProbability: pFcr,
      urgentProbability: pUrgent,
      explanation: this.explain(doc, x, best, evidence, scores),
      alternatives: order.slice(1, 4).map((c) => ({ department: dept.labels[c], confidence: pd[c] })),
    };
  }

  /**
   * Contributions to the chosen department's calibrated logit, relative to the average
   * department: character n-grams are credited to the words they come from, so the list
   * reads as words, phrases, cues and catalogue keywords.
   */
  private explain(
    doc: ExtractedText,
    x: SparseVector,
    cls: number,
    evidence: Float64Array | null,
    scores: ReturnType<CatalogueIndex['score']> | null,
    top = 8,
  ): { feature: string; weight: number }[] {
    const head = this.heads.department;
    const k = head.k;
    const feats = this.data.features.vocabulary;
    const contrib = new Map<number, number>();
    for (let q = 0; q < x.idx.length; q++) {
      const f = x.idx[q];
      let mean = 0;
      for (let c = 0; c < k; c++) mean += head.w[f * k + c];
      mean /= k;
      contrib.set(f, head.cal.scale * x.val[q] * (head.w[f * k + cls] - mean));
    }
    const out = new Map<string, number>();
    const addOut = (name: string, v: number) => out.set(name, (out.get(name) ?? 0) + v);
    const cfg = this.data.features.config;
    const seenTokens = new Set<string>();
    for (const t of doc.tokens) {
      if (seenTokens.has(t)) continue;
      seenTokens.add(t);
      const name = `word:${t}`;
      const wi = this.vectorizer.index.get('w:' + t);
      if (wi !== undefined && contrib.has(wi)) addOut(name, contrib.get(wi)!);
      if (t.length >= 2) {
        const grams = charGrams(t, cfg.charMin, cfg.charMax);
        for (const g of grams) {
          const key = 'c:' + g;
          const gi = this.vectorizer.index.get(key);
          if (gi === undefined || !contrib.has(gi)) continue;
          const occurrences = doc.counts.get(key) ?? 1;
          // each occurrence in the text gets an equal share; this token's share is one occurrence
          addOut(name, contrib.get(gi)! / occurrences);
        }
      }
    }
    for (const [f, v] of contrib) {
      const fname = feats[f];
      if (fname.startsWith('b:')) addOut(`phrase:${fname.slice(2)}`, v);
      else if (fname.startsWith('x:')) addOut(`cue:${CUE_NAMES[fname] ?? fname.slice(2).replace(/^cue_/, '') + ' words'}`, v);
    }
    if (evidence && scores && head.cal.catalogueWeight > 0) {
      let mean = 0;
      for (let c = 0; c < k; c++) mean += evidence[c];
      mean /= k;
      const total = head.cal.catalogueWeight * (evidence[cls] - mean);
      const mine = scores.matches.filter((m) => this.entries[m.label].department === head.labels[cls]);
      const sum = mine.reduce((s, m) => s + m.weight, 0);
      const seen = new Set<string>();
      for (const m of mine) {
        if (seen.has(m.keyword)) continue;
        seen.add(m.keyword);
        const e = this.entries[m.label];
        addOut(`keyword:${m.keyword}${e.code ? ` (${e.code})` : ''}`, (total * m.weight) / Math.max(sum, 1e-9));
      }
    }
    return [...out.entries()]
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([feature, weight]) => ({ feature, weight: Math.round(weight * 1000) / 1000 }));
  }
}
