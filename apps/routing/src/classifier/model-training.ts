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
import { DEFAULT_FEATURE_CONFIG, ExtractedText, Vectorizer, buildVocabulary, extract, textOf } from './features';
import { stratifiedFolds } from './folds';
import { dualScores, gramMatrix, primalScores, primalWeights, subGram, trainSoftmax, trainSoftmaxPrimal } from './logreg';
import { HEAD_NAMES, HeadData, HeadName, MODEL_KIND, MODEL_VERSION, ModelData, TrainingExample } from './model-schema';

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
