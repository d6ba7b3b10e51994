/**
 * Training (trainModel): four heads share one feature space (words, bigrams, character n-grams,
 * cues): department (11 classes), type (6), first-contact-resolvable and urgent (binary). Each is
 * an L2-regularised multinomial logistic regression. Confidences are calibrated on out-of-fold
 * predictions made during training (temperature scaling; Platt scaling for the binary heads),
 * and the department head blends in the catalogue's keyword prior with a weight fitted on the
 * same held-out predictions.
 */
import { CatalogueIndex, CatalogueKeywords, catalogueDocuments, storeCatalogue } from './catalogue';
import { Calibration, calibratedProbabilities, fitCalibration } from './calibrate';
import { DEFAULT_FEATURE_CONFIG, ExtractedText, FeatureConfig, Vectorizer, buildVocabulary, extract, textOf } from './features';
import { stratifiedFolds } from './folds';
import { detectLanguage, normalizeLanguageTag } from './language';
import { dualScores, gramMatrix, primalScores, primalWeights, subGram, trainSoftmax, trainSoftmaxPrimal } from './logreg';
import { AnyHeadName, HEAD_NAMES, MODEL_KIND, MODEL_VERSION, ModelData, TrainingExample } from './model-schema';
import { mixFirstLine } from './topic-intent';

export interface TrainOptions {
  catalogue?: CatalogueKeywords;
  seed?: number;
  onProgress?: (msg: string) => void;
  /** L2 penalty (default 0.2). */
  l2?: number;
  /** Folds for the out-of-fold calibration (default 5: closer to the final model than 3, and in the honest cross-validation fewer confident mistakes; 0 disables calibration). */
  calibrationFolds?: number;
  /** Weight of urgent examples relative to non-urgent ones (default: √(non-urgent / urgent)). */
  urgentWeight?: number;
  /** Also train the department head on the catalogue's names, descriptions and keywords (default true). */
  catalogueAsTraining?: boolean;
  /**
   * Weight of one catalogue text relative to one example (default 2: the catalogue's own words
   * generalise to new inquiries better than a few hundred examples do; measured 1, 2, 3).
   */
  catalogueTextWeight?: number;
  /** Feature settings other than the defaults (e.g. `{ groupWeight: { ...DEFAULT_FEATURE_CONFIG.groupWeight, s: 0.5 } }`). */
  features?: Partial<FeatureConfig>;
  /**
   * The first line's department (default `kontaktcenter`). When it has examples, the department
   * head learns topics and a first-line head the intent (see topic-intent.ts).
   */
  firstLineDepartment?: string;
  /** Decide topic and intent apart (default true; needs a few first-line examples). */
  topicIntent?: boolean;
  /**
   * Upper bound of the catalogue weight. Keywords written by someone who read the training
   * inquiries look near-perfect on them, so the fitted weight overstates how much a keyword
   * match says about a new inquiry.
   */
  maxCatalogueWeight?: number;
  /** Largest training set (examples + catalogue texts) for the dual solver (default 3000). */
  dualMaxDocuments?: number;
}

const DEFAULT_L2 = 0.2;
const DEFAULT_CALIBRATION_FOLDS = 5;
const DEFAULT_MAX_CATALOGUE_WEIGHT = Infinity;
const DEFAULT_CATALOGUE_TEXT_WEIGHT = 2;
/**
 * Above this many training texts the primal solver is used (no n×n matrix). Measured with the
 * demo catalogue and 979 examples (1151 texts): dual 22 s and 240 MB, primal 91 s; 3000 texts
 * make a 72 MB Gram matrix.
 */
const DUAL_MAX_DOCUMENTS = 3000;
/**
 * Flag "urgent" from this calibrated probability: a missed urgent case (a flood, a missed care
 * visit, a child at risk) is taken to cost twice as much as a false alarm, hence 1/3, not 1/2.
 */
const DEFAULT_URGENT_THRESHOLD = 1 / 3;
const DEFAULT_FCR_THRESHOLD = 0.5;
const DEFAULT_FIRST_LINE = 'kontaktcenter';
/**
 * The triage threshold is the lowest confidence from which held-out answers were right at least
 * this often (and never above TRIAGE_CEILING: a model that is never that sure still routes its
 * surest answers).
 */
const TRIAGE_TARGET_ACCURACY = 0.95;
const TRIAGE_CEILING = 0.95;
/** Fewest held-out answers above a threshold for its accuracy to count. */
const TRIAGE_MIN_SUPPORT = 10;
/** Fewest first-line examples for a separate intent head. */
const MIN_FIRST_LINE_EXAMPLES = 5;

interface FittedHead {
  k: number;
  /** Raw logits (rows × k) of the given documents. */
  scores(rows: readonly number[]): Float64Array;
  /** Feature-major weights (d × k). */
  weights(): Float64Array;
  bias: Float64Array;
}
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

/** The lowest confidence (in steps of 0.05) from which held-out answers were right often enough (see TRIAGE_TARGET_ACCURACY). */
export function triageThreshold(held: readonly { confidence: number; right: boolean }[]): number {
  for (let t = 0.3; t < TRIAGE_CEILING - 1e-9; t += 0.05) {
    const above = held.filter((h) => h.confidence >= t);
    if (above.length >= TRIAGE_MIN_SUPPORT && above.filter((h) => h.right).length / above.length >= TRIAGE_TARGET_ACCURACY) return Math.round(t * 100) / 100;
  }
  return TRIAGE_CEILING;
}

/** Rows `rows` of an m×k matrix. */
function pick(matrix: Float64Array, rows: readonly number[], k: number): Float64Array {
  const out = new Float64Array(rows.length * k);
  rows.forEach((i, a) => out.set(matrix.subarray(i * k, i * k + k), a * k));
  return out;
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

export function trainModel(examples: TrainingExample[], opts: TrainOptions = {}): ModelData {
  validateExamples(examples);
  const progress = opts.onProgress ?? (() => undefined);
  const seed = opts.seed ?? 42;
  const l2 = opts.l2 ?? DEFAULT_L2;
  const config: FeatureConfig = opts.features
    ? { ...DEFAULT_FEATURE_CONFIG, ...opts.features, minDf: { ...DEFAULT_FEATURE_CONFIG.minDf, ...opts.features.minDf }, groupWeight: { ...DEFAULT_FEATURE_CONFIG.groupWeight, ...opts.features.groupWeight } }
    : DEFAULT_FEATURE_CONFIG;
  const data = examples.filter((e) => textOf(e.subject, e.text).trim().length > 0);
  const n = data.length;
  const t0 = Date.now();

  const languageOf = (lang: string | undefined, text: string) => normalizeLanguageTag(lang) ?? detectLanguage(text);
  const docs = data.map((e) => {
    const text = textOf(e.subject, e.text);
    return extract(text, config, languageOf(e.language, text));
  });
  const deptSet = new Set(data.map((e) => e.department));
  // The catalogue's names, descriptions and keywords as extra department-labelled texts.
  const pseudo = opts.catalogueAsTraining === false ? [] : catalogueDocuments(opts.catalogue).filter((p) => deptSet.has(p.department));
  const pseudoDocs = pseudo.map((p) => extract(p.text, config, languageOf(p.language, p.text)));
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

  const firstLineDept = opts.firstLineDepartment ?? DEFAULT_FIRST_LINE;
  const firstLineCount = data.filter((e) => e.department === firstLineDept).length;
  const split = opts.topicIntent !== false && firstLineCount >= MIN_FIRST_LINE_EXAMPLES && n - firstLineCount >= MIN_FIRST_LINE_EXAMPLES;
  const headNames: AnyHeadName[] = split ? [...HEAD_NAMES, 'firstLine'] : [...HEAD_NAMES];
  const targets = {
    firstLine: encode(data.map((e) => String(e.department === firstLineDept)), ['false', 'true']),
    department: encode(data.map((e) => e.department)),
    type: encode(data.map((e) => e.type)),
    firstContactResolvable: encode(data.map((e) => String(e.firstContactResolvable)), ['false', 'true']),
    urgent: encode(data.map((e) => String(e.urgent)), ['false', 'true']),
  } as Record<AnyHeadName, HeadTarget>;
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
  const pseudoWeight = opts.catalogueTextWeight ?? DEFAULT_CATALOGUE_TEXT_WEIGHT;
  /** Labels and weights of any document index (pseudo documents only exist for the department head). */
  const labelOf = (h: AnyHeadName, i: number) => (i < n ? targets[h].y[i] : deptIndex.get(pseudo[i - n].department)!);
  const weightOf = (h: AnyHeadName, i: number) => (i < n ? (targets[h].sampleWeight?.[i] ?? 1) : pseudoWeight);
  const isFirstLine = (i: number) => i < n && data[i].department === firstLineDept;
  /**
   * Trains head h on the given real examples (plus the catalogue texts for the department head,
   * which learns topics only when a first-line head takes the intent).
   */
  const fitHead = (h: AnyHeadName, realTrain: readonly number[]): FittedHead => {
    const rows = h === 'department' ? [...(split ? realTrain.filter((i) => !isFirstLine(i)) : realTrain), ...pseudoIdx] : [...realTrain];
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
  const folds = opts.calibrationFolds === 0 || n < 20 ? 0 : Math.max(2, Math.min(opts.calibrationFolds ?? DEFAULT_CALIBRATION_FOLDS, Math.max(2, minClass)));
  const calibrations = {} as Record<AnyHeadName, Calibration>;
  const kd = departments.length;
  const kt = targets.type.labels.length;
  const firstLineIdx = deptIndex.get(firstLineDept) ?? -1;
  let heldOutAccuracy: number | null = null;
  let triage: number | undefined;
  if (folds >= 2) {
    const foldOf = stratifiedFolds(
      data.map((e) => e.department),
      folds,
      seed,
    );
    const oof = {} as Record<AnyHeadName, Float64Array>;
    for (const h of headNames) oof[h] = new Float64Array(n * targets[h].labels.length);
    for (let f = 0; f < folds; f++) {
      const train: number[] = [];
      const test: number[] = [];
      for (let i = 0; i < n; i++) (foldOf[i] === f ? test : train).push(i);
      for (const h of headNames) {
        const k = targets[h].labels.length;
        const s = fitHead(h, train).scores(test);
        test.forEach((i, a) => oof[h].set(s.subarray(a * k, a * k + k), i * k));
      }
      progress(`calibration fold ${f + 1}/${folds} (${Date.now() - t0} ms)`);
    }
    // The topic head is calibrated on the inquiries it could own: those the first line did not take.
    const topicRows = split ? Array.from({ length: n }, (_, i) => i).filter((i) => !isFirstLine(i)) : null;
    const topicInput = {
      scores: topicRows ? pick(oof.department, topicRows, kd) : oof.department,
      catalogue: catEvidence && topicRows ? pick(catEvidence, topicRows, kd) : catEvidence,
      labels: topicRows ? Int32Array.from(topicRows, (i) => targets.department.y[i]) : targets.department.y,
      k: kd,
      fitShift: false,
    };
    calibrations.department = fitCalibration(topicInput);
    const maxCat = opts.maxCatalogueWeight ?? DEFAULT_MAX_CATALOGUE_WEIGHT;
    if (calibrations.department.catalogueWeight > maxCat) calibrations.department = fitCalibration({ ...topicInput, fixedCatalogueWeight: maxCat });
    calibrations.type = fitCalibration({ scores: oof.type, catalogue: null, labels: targets.type.y, k: kt, fitShift: false });
    const topic = new Float64Array(n * kd);
    for (let i = 0; i < n; i++) {
      topic.set(calibratedProbabilities(oof.department.subarray(i * kd, i * kd + kd), calibrations.department, catEvidence ? catEvidence.subarray(i * kd, i * kd + kd) : null, null), i * kd);
    }
    if (split) {
      calibrations.firstLine = fitCalibration({ scores: oof.firstLine, catalogue: null, labels: targets.firstLine.y, k: 2, fitShift: true, extra: topic, extraDim: kd });
    }
    // department and type probabilities are stacked into the binary heads
    const extraDim = kd + kt;
    const extra = new Float64Array(n * extraDim);
    let correct = 0;
    const held: { confidence: number; right: boolean }[] = [];
    for (let i = 0; i < n; i++) {
      let pd: ArrayLike<number> = topic.subarray(i * kd, i * kd + kd);
      if (split) {
        const q = calibratedProbabilities(oof.firstLine.subarray(i * 2, i * 2 + 2), calibrations.firstLine, null, pd)[1];
        pd = mixFirstLine(pd, q, firstLineIdx);
      }
      const pt = calibratedProbabilities(oof.type.subarray(i * kt, i * kt + kt), calibrations.type, null, null);
      extra.set(pd, i * extraDim);
      extra.set(pt, i * extraDim + kd);
      let best = 0;
      for (let c = 1; c < kd; c++) if (pd[c] > pd[best]) best = c;
      if (best === targets.department.y[i]) correct++;
      held.push({ confidence: pd[best], right: best === targets.department.y[i] });
    }
    triage = triageThreshold(held);
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
    heldOutAccuracy = correct / n;
  } else {
    for (const h of headNames) {
      const k = targets[h].labels.length;
      const stacked = (h === 'firstContactResolvable' || h === 'urgent') && k === 2 ? kd + kt : h === 'firstLine' ? kd : 0;
      calibrations[h] = { scale: 1, catalogueWeight: h === 'department' && catEvidence ? 1 : 0, shift: new Array(k).fill(0), stack: new Array(stacked).fill(0) };
    }
  }

  // Final heads on all examples.
  const heads = {} as ModelData['heads'];
  const all = Array.from({ length: n }, (_, i) => i);
  for (const h of headNames) {
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
  progress(`trained ${headNames.length} heads on ${n} examples in ${Date.now() - t0} ms`);

  return {
    version: MODEL_VERSION,
    kind: MODEL_KIND,
    createdAt: new Date().toISOString(),
    features: { config, vocabulary: vocab.features, idf: vocab.idf.map(round6) },
    heads,
    ...(split ? { firstLineDepartment: firstLineDept } : {}),
    catalogue: storedCatalogue,
    thresholds: { firstContactResolvable: DEFAULT_FCR_THRESHOLD, urgent: DEFAULT_URGENT_THRESHOLD, ...(triage !== undefined ? { triage } : {}) },
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
