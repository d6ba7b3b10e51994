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
import { CatalogueIndex, CatalogueKeywords, CatalogueScores, StoredCatalogueEntry, catalogueDocuments, storeCatalogue } from './catalogue';
import { Calibration, fitCalibration } from './calibrate';
import { DEFAULT_FEATURE_CONFIG, ExtractedText, FeatureConfig, Featurized, GROUPS, SparseVector, Vectorizer, buildVocabulary, extract, textOf } from './features';
import { stratifiedFolds } from './folds';
import { detectLanguage, normalizeLanguageTag } from './language';
import { dualScores, gramMatrix, primalScores, primalWeights, subGram, trainSoftmax, trainSoftmaxPrimal } from './logreg';
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
  /** Folds for the out-of-fold calibration (default 3; 0 disables calibration). */
  calibrationFolds?: number;
  /** Weight of urgent examples relative to non-urgent ones (default: √(non-urgent / urgent)). */
  urgentWeight?: number;
  /** Also train the department head on the catalogue's names, descriptions and keywords (default true). */
  catalogueAsTraining?: boolean;
  /** Weight of one catalogue text relative to one example (default 1). */
  catalogueTextWeight?: number;
  /** Largest training set (examples + catalogue texts) for the dual solver (default 1000). */
  dualMaxDocuments?: number;
}

const DEFAULT_L2 = 0.2;
/** Above this many training texts the primal solver is used (no n×n matrix). */
const DUAL_MAX_DOCUMENTS = 1000;
/**
 * Flag "urgent" from this calibrated probability: a missed urgent case (a flood, a missed care
 * visit, a child at risk) is taken to cost twice as much as a false alarm, hence 1/3, not 1/2.
 */
const DEFAULT_URGENT_THRESHOLD = 1 / 3;
const DEFAULT_FCR_THRESHOLD = 0.5;

interface FittedHead {
  k: number;
  /** Raw logits (rows × k) of the given documents. */
  scores(rows: readonly number[]): Float64Array;
  /** Feature-major weights (d × k). */
  weights(): Float64Array;
  bias: Float64Array;
}
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

/**
 * Calibrated class probabilities from raw logits: scale·s + shift + catalogueWeight·evidence,
 * plus the stacked inputs (department and type probabilities) on the last class.
 */
export function calibratedProbabilities(raw: ArrayLike<number>, cal: Calibration, evidence: ArrayLike<number> | null, extra: ArrayLike<number> | null): Float64Array {
  const k = raw.length;
  const z = new Float64Array(k);
  for (let c = 0; c < k; c++) z[c] = cal.scale * raw[c] + cal.shift[c] + (evidence ? cal.catalogueWeight * evidence[c] : 0);
  if (extra && cal.stack.length) {
    let add = 0;
    for (let j = 0; j < cal.stack.length; j++) add += cal.stack[j] * extra[j];
    z[k - 1] += add;
  }
  const p = new Float64Array(k);
  softmaxInto(z, p, k);
  return p;
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
  const vecs = allDocs.map((d) => vectorizer.vectorize(d, true));
  const d = vocab.features.length;
  // Up to a few thousand documents the exact dual solver (n×n Gram matrix) is fastest; beyond
  // that the primal one keeps memory and time linear in n.
  const useDual = m <= (opts.dualMaxDocuments ?? DUAL_MAX_DOCUMENTS);
  const gram = useDual ? gramMatrix(vecs) : null;
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
  const pseudoWeight = opts.catalogueTextWeight ?? 1;
  /** Labels and weights of any document index (pseudo documents only exist for the department head). */
  const labelOf = (h: HeadName, i: number) => (i < n ? targets[h].y[i] : deptIndex.get(pseudo[i - n].department)!);
  const weightOf = (h: HeadName, i: number) => (i < n ? (targets[h].sampleWeight?.[i] ?? 1) : pseudoWeight);
  /** Trains head h on the given real examples (plus the catalogue texts for the department head). */
  const fitHead = (h: HeadName, realTrain: readonly number[]): FittedHead => {
    const rows = h === 'department' ? [...realTrain, ...pseudoIdx] : [...realTrain];
    const k = targets[h].labels.length;
    const y = Int32Array.from(rows.map((i) => labelOf(h, i)));
    const train = { l2, sampleWeight: Float64Array.from(rows.map((i) => weightOf(h, i))) };
    if (gram) {
      const model = trainSoftmax(subGram(gram, m, rows), rows.length, y, k, train);
      return {
        k,
        scores: (test) => dualScores(subGram(gram, m, test, rows), test.length, model, rows.length),
        weights: () => primalWeights(
          rows.map((i) => vecs[i]),
          model,
          d,
        ),
        bias: model.bias,
      };
    }
    const model = trainSoftmaxPrimal(
      rows.map((i) => vecs[i]),
      d,
      y,
      k,
      train,
    );
    return { k, scores: (test) => primalScores(test.map((i) => vecs[i]), model.weights, model.bias, k), weights: () => model.weights, bias: model.bias };
  };

  const storedCatalogue = storeCatalogue(opts.catalogue);
  const catIndex = storedCatalogue.length ? new CatalogueIndex(storedCatalogue, departments) : null;
  const catEvidence = catalogueEvidence(catIndex, docs, departments.length);

  // Out-of-fold raw scores for calibration.
  const minClass = Math.min(...Object.values(countBy(data.map((e) => e.department))));
  const folds = opts.calibrationFolds === 0 || n < 20 ? 0 : Math.max(2, Math.min(opts.calibrationFolds ?? 3, Math.max(2, minClass)));
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
        const s = fitHead(h, train).scores(test);
        test.forEach((i, a) => oof[h].set(s.subarray(a * k, a * k + k), i * k));
      }
      progress(`calibration fold ${f + 1}/${folds} (${Date.now() - t0} ms)`);
    }
    // department and type first; their calibrated held-out probabilities are stacked into the binary heads
    for (const h of ['department', 'type'] as const) {
      const t = targets[h];
      calibrations[h] = fitCalibration({
        scores: oof[h],
        catalogue: h === 'department' ? catEvidence : null,
        labels: t.y,
        k: t.labels.length,
        fitShift: false,
      });
    }
    const kd = departments.length;
    const kt = targets.type.labels.length;
    const extraDim = kd + kt;
    const extra = new Float64Array(n * extraDim);
    for (let i = 0; i < n; i++) {
      const pd = calibratedProbabilities(oof.department.subarray(i * kd, i * kd + kd), calibrations.department, catEvidence ? catEvidence.subarray(i * kd, i * kd + kd) : null, null);
      const pt = calibratedProbabilities(oof.type.subarray(i * kt, i * kt + kt), calibrations.type, null, null);
      extra.set(pd, i * extraDim);
      extra.set(pt, i * extraDim + kd);
    }
    for (const h of ['firstContactResolvable', 'urgent'] as const) {
      const t = targets[h];
      calibrations[h] = fitCalibration({
        scores: oof[h],
        catalogue: null,
        labels: t.y,
        k: t.labels.length,
        fitShift: true,
        extra: t.labels.length === 2 ? extra : null,
        extraDim,
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
      const stacked = (h === 'firstContactResolvable' || h === 'urgent') && k === 2 ? departments.length + targets.type.labels.length : 0;
      calibrations[h] = { scale: 1, catalogueWeight: h === 'department' && catEvidence ? 1 : 0, shift: new Array(k).fill(0), stack: new Array(stacked).fill(0) };
    }
  }

  // Final heads on all examples.
  const heads = {} as Record<HeadName, HeadData>;
  const all = Array.from({ length: n }, (_, i) => i);
  for (const h of HEAD_NAMES) {
    const t = targets[h];
    const fitted = fitHead(h, all);
    const w = fitted.weights();
    const cal = calibrations[h];
    heads[h] = {
      labels: t.labels,
      weights: Array.from(w, round6),
      bias: Array.from(fitted.bias, round6),
      calibration: { scale: round6(cal.scale), catalogueWeight: round6(cal.catalogueWeight), shift: cal.shift.map(round6), stack: cal.stack.map(round6) },
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
    if (!isFiniteNumberArray(cal.stack)) fail(`head ${h}: calibration.stack must be an array of finite numbers`);
    const stackDim = h === 'firstContactResolvable' || h === 'urgent' ? data.heads.department.labels.length + data.heads.type.labels.length : 0;
    if (cal.stack.length !== 0 && cal.stack.length !== stackDim) fail(`head ${h}: calibration.stack must have ${stackDim} weights`);
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
  /** All heads' weights side by side (feature-major), so one pass over the features scores every head. */
  private readonly wAll: Float64Array;
  private readonly bAll: Float64Array;
  private readonly offsets: Record<HeadName, number>;
  private readonly kAll: number;
  /** Per feature: the department weights' mean (contributions are explained relative to it). */
  private readonly deptMean: Float64Array;
  /** Scratch buffer for explanations (zero between calls). */
  private readonly contribution: Float64Array;

  private constructor(
    private readonly data: ModelData,
    catalogueOverride?: StoredCatalogueEntry[],
  ) {
    const f = data.features;
    this.vectorizer = new Vectorizer({ features: f.vocabulary, idf: f.idf }, f.config);
    const d = f.vocabulary.length;
    const heads = {} as Record<HeadName, RuntimeHead>;
    const offsets = {} as Record<HeadName, number>;
    let kAll = 0;
    for (const h of HEAD_NAMES) {
      const hd = data.heads[h];
      offsets[h] = kAll;
      kAll += hd.labels.length;
      heads[h] = { labels: hd.labels, k: hd.labels.length, cal: hd.calibration };
    }
    this.wAll = new Float64Array(d * kAll);
    this.bAll = new Float64Array(kAll);
    for (const h of HEAD_NAMES) {
      const { weights, bias } = data.heads[h];
      const k = heads[h].k;
      const o = offsets[h];
      for (let i = 0; i < d; i++) for (let c = 0; c < k; c++) this.wAll[i * kAll + o + c] = weights[i * k + c];
      for (let c = 0; c < k; c++) this.bAll[o + c] = bias[c];
    }
    const kd = heads.department.k;
    this.deptMean = new Float64Array(d);
    this.contribution = new Float64Array(d);
    const dw = data.heads.department.weights;
    for (let i = 0; i < d; i++) {
      let m = 0;
      for (let c = 0; c < kd; c++) m += dw[i * kd + c];
      this.deptMean[i] = m / kd;
    }
    this.heads = heads;
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

  /** Raw logits of every head, concatenated in HEAD_NAMES order. */
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

  private headScores(raw: Float64Array, h: HeadName): Float64Array {
    const o = this.offsets[h];
    return raw.subarray(o, o + this.heads[h].k);
  }

  private binary(raw: Float64Array, h: HeadName, extra: Float64Array): number {
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
    const doc = this.vectorizer.featurize(text);
    const x = doc.x;
    const raw = this.rawScores(x);

    const dept = this.heads.department;
    const scores = this.catalogue ? this.catalogue.score(doc.tokens) : null;
    let evidence: Float64Array | null = null;
    if (scores && dept.cal.catalogueWeight > 0) {
      evidence = new Float64Array(dept.k);
      for (let c = 0; c < dept.k; c++) evidence[c] = Math.log1p(scores.departmentScore[c]);
    }
    const pd = calibratedProbabilities(this.headScores(raw, 'department'), dept.cal, evidence, null);
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

    const given = normalizeLanguageTag(input.language);
    return {
      department: dept.labels[best],
      category,
      type: typeHead.labels[typeIdx],
      firstContactResolvable: pFcr >= this.data.thresholds.firstContactResolvable,
      urgent: pUrgent >= this.data.thresholds.urgent,
      language: given ?? detectLanguage(text),
      confidence: pd[best],
      typeConfidence: pt[typeIdx],
      firstContactResolvableProbability: pFcr,
      urgentProbability: pUrgent,
      explanation: this.explain(doc, best, evidence, scores),
      alternatives: order.slice(1, 4).map((c) => ({ department: dept.labels[c], confidence: pd[c] })),
    };
  }

  /**
   * Contributions to the chosen department's calibrated logit, relative to the average
   * department: character n-grams are credited to the words they come from, so the list
   * reads as words, phrases, cues and catalogue keywords.
   */
  private explain(doc: Featurized, cls: number, evidence: Float64Array | null, scores: CatalogueScores | null, top = 8): { feature: string; weight: number }[] {
    const head = this.heads.department;
    const k = this.kAll;
    const col = this.offsets.department + cls;
    const feats = this.data.features.vocabulary;
    const x = doc.x;
    const contrib = this.contribution;
    for (let q = 0; q < x.idx.length; q++) {
      const f = x.idx[q];
      contrib[f] = head.cal.scale * x.val[q] * (this.wAll[f * k + col] - this.deptMean[f]);
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
