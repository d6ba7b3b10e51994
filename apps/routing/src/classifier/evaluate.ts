/** Stratified k-fold cross-validation of the whole classifier (training, calibration, catalogue). */
import { CatalogueKeywords } from './catalogue';
import { stratifiedFolds } from './folds';
import { Classification, TrainingExample } from './model-schema';
import { TrainOptions, trainModel } from './model-training';
import { Classifier } from './model-runtime';

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface CalibrationPoint {
  /** Confidence threshold for automatic routing. */
  threshold: number;
  /** Share of inquiries at or above the threshold (routed automatically). */
  coverage: number;
  /** Department accuracy of those. */
  accuracyAbove: number;
  /** Share below the threshold (to the human triage queue). */
  shareBelow: number;
}

export interface CrossValidationReport {
  folds: number;
  seed: number;
  examples: number;
  withCatalogue: boolean;
  department: { accuracy: number; macroF1: number; perClass: Record<string, ClassMetrics>; confusions: { actual: string; predicted: string; count: number }[] };
  type: { accuracy: number; macroF1: number; perClass: Record<string, ClassMetrics> };
  firstContactResolvable: { accuracy: number; precision: number; recall: number };
  urgent: { recall: number; precision: number; f1: number; support: number; predicted: number };
  perLanguage: Record<string, { examples: number; departmentAccuracy: number; typeAccuracy: number }>;
  /** The deliberately hard items (the `trap` flag of the data), when there are any. */
  trap: { examples: number; departmentAccuracy: number } | null;
  /** How the catalogue entered each fold: as given, or names/descriptions plus keywords induced from the training folds. */
  catalogueMode: 'none' | 'as given' | 'per fold' | 'held out';
  calibration: {
    /** Mean confidence of the chosen department vs. the actual accuracy. */
    meanConfidence: number;
    /** Expected calibration error over 10 equal-width bins. */
    expectedCalibrationError: number;
    /** Mean negative log-likelihood of the true department. */
    logLoss: number;
    bins: { from: number; to: number; count: number; meanConfidence: number; accuracy: number }[];
    thresholds: CalibrationPoint[];
    /** Share of all answers that are wrong with a confidence of at least 0.9. */
    wrongAbove90: number;
  };
  /** Held-out predictions that missed the department (index into the examples). */
  mistakes: { index: number; language: string; actual: string; predicted: string; confidence: number; text: string }[];
  timing: { trainMillisPerFold: number; classifyMicrosEach: number };
}

export interface CrossValidateOptions {
  catalogue?: CatalogueKeywords;
  /**
   * The catalogue of one fold, built from its training examples only (takes precedence over
   * `catalogue`): nothing of the test fold can shape it.
   */
  catalogueFor?: (train: TrainingExample[]) => CatalogueKeywords;
  /** Labelled examples that join every fold's training set and are never tested on (the typical inquiries). */
  extraTraining?: TrainingExample[];
  onProgress?: (msg: string) => void;
  /** Confidence thresholds to report coverage and accuracy for. */
  thresholds?: number[];
  /** Passed on to trainModel (e.g. l2, calibrationFolds). */
  train?: Omit<TrainOptions, 'catalogue' | 'seed' | 'onProgress'>;
}

function perClassMetrics(actual: string[], predicted: string[]): { perClass: Record<string, ClassMetrics>; macroF1: number; accuracy: number } {
  const labels = [...new Set(actual)].sort();
  const perClass: Record<string, ClassMetrics> = {};
  let f1sum = 0;
  for (const l of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < actual.length; i++) {
      if (predicted[i] === l && actual[i] === l) tp++;
      else if (predicted[i] === l) fp++;
      else if (actual[i] === l) fn++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[l] = { precision, recall, f1, support: tp + fn };
    f1sum += f1;
  }
  const correct = actual.filter((a, i) => a === predicted[i]).length;
  return { perClass, macroF1: labels.length ? f1sum / labels.length : 0, accuracy: actual.length ? correct / actual.length : 0 };
}

export function crossValidate(examples: TrainingExample[], folds = 5, seed = 42, opts: CrossValidateOptions = {}): CrossValidationReport {
  if (!Array.isArray(examples) || examples.length < folds) throw new Error(`crossValidate: need at least ${folds} examples`);
  if (!Number.isInteger(folds) || folds < 2) throw new Error('crossValidate: folds must be an integer ≥ 2');
  const progress = opts.onProgress ?? (() => undefined);
  const foldOf = stratifiedFolds(
    examples.map((e) => e.department),
    folds,
    seed,
  );
  const preds: Classification[] = new Array(examples.length);
  let trainMs = 0;
  let classifyMs = 0;
  for (let f = 0; f < folds; f++) {
    const train = [...examples.filter((_, i) => foldOf[i] !== f), ...(opts.extraTraining ?? [])];
    const t0 = Date.now();
    const catalogue = opts.catalogueFor ? opts.catalogueFor(train) : opts.catalogue;
    const model = trainModel(train, { ...opts.train, catalogue, seed: seed + f + 1 });
    trainMs += Date.now() - t0;
    const clf = Classifier.fromModel(model);
    const t1 = process.hrtime.bigint();
    let tested = 0;
    examples.forEach((e, i) => {
      if (foldOf[i] !== f) return;
      preds[i] = clf.classify({ subject: e.subject, body: e.text, language: e.language });
      tested++;
    });
    classifyMs += Number(process.hrtime.bigint() - t1) / 1e6;
    const correct = examples.filter((e, i) => foldOf[i] === f && preds[i].department === e.department).length;
    progress(`fold ${f + 1}/${folds}: trained on ${train.length} in ${Date.now() - t0} ms, department accuracy ${(correct / tested).toFixed(3)} on ${tested}`);
  }

  return {
    ...scorePredictions(examples, preds, opts.thresholds),
    folds,
    seed,
    withCatalogue: !!(opts.catalogue || opts.catalogueFor),
    catalogueMode: opts.catalogueFor ? 'per fold' : opts.catalogue ? 'as given' : 'none',
    timing: { trainMillisPerFold: trainMs / folds, classifyMicrosEach: (classifyMs * 1000) / examples.length },
  };
}

/**
 * A trained model measured on labelled inquiries it never saw (a held-out set written apart from
 * the training data): the same figures as the cross-validation, from one model.
 */
export function evaluateHeldOut(clf: Classifier, examples: TrainingExample[], thresholds?: number[]): CrossValidationReport {
  if (!Array.isArray(examples) || examples.length === 0) throw new Error('evaluateHeldOut: no examples');
  const t0 = process.hrtime.bigint();
  const preds = examples.map((e) => clf.classify({ subject: e.subject, body: e.text, language: e.language }));
  const micros = Number(process.hrtime.bigint() - t0) / 1e3;
  return {
    ...scorePredictions(examples, preds, thresholds),
    folds: 0,
    seed: 0,
    withCatalogue: true,
    catalogueMode: 'held out',
    timing: { trainMillisPerFold: 0, classifyMicrosEach: micros / examples.length },
  };
}

type Scores = Omit<CrossValidationReport, 'folds' | 'seed' | 'withCatalogue' | 'catalogueMode' | 'timing'>;

/** Every figure of a report from the predictions for labelled examples. */
function scorePredictions(examples: TrainingExample[], preds: Classification[], thresholdList?: number[]): Scores {
  const actualDept = examples.map((e) => e.department);
  const predDept = preds.map((p) => p.department);
  const dept = perClassMetrics(actualDept, predDept);
  const type = perClassMetrics(
    examples.map((e) => e.type),
    preds.map((p) => p.type),
  );

  const confusionCounts = new Map<string, number>();
  actualDept.forEach((a, i) => {
    if (a !== predDept[i]) confusionCounts.set(`${a}\u0000${predDept[i]}`, (confusionCounts.get(`${a}\u0000${predDept[i]}`) ?? 0) + 1);
  });
  const confusions = [...confusionCounts.entries()]
    .map(([k, count]) => {
      const [actual, predicted] = k.split('\u0000');
      return { actual, predicted, count };
    })
    .sort((a, b) => b.count - a.count);

  let fcrCorrect = 0;
  let fcrTp = 0;
  let fcrFp = 0;
  let fcrFn = 0;
  let uTp = 0;
  let uFp = 0;
  let uFn = 0;
  examples.forEach((e, i) => {
    const p = preds[i];
    if (p.firstContactResolvable === e.firstContactResolvable) fcrCorrect++;
    if (p.firstContactResolvable && e.firstContactResolvable) fcrTp++;
    if (p.firstContactResolvable && !e.firstContactResolvable) fcrFp++;
    if (!p.firstContactResolvable && e.firstContactResolvable) fcrFn++;
    if (p.urgent && e.urgent) uTp++;
    if (p.urgent && !e.urgent) uFp++;
    if (!p.urgent && e.urgent) uFn++;
  });
  const uPrec = uTp + uFp ? uTp / (uTp + uFp) : 0;
  const uRec = uTp + uFn ? uTp / (uTp + uFn) : 0;

  const perLanguage: CrossValidationReport['perLanguage'] = {};
  const langs = [...new Set(examples.map((e) => e.language ?? 'unknown'))].sort();
  for (const l of langs) {
    const idx = examples.map((e, i) => ((e.language ?? 'unknown') === l ? i : -1)).filter((i) => i >= 0);
    perLanguage[l] = {
      examples: idx.length,
      departmentAccuracy: idx.filter((i) => preds[i].department === examples[i].department).length / idx.length,
      typeAccuracy: idx.filter((i) => preds[i].type === examples[i].type).length / idx.length,
    };
  }

  const trapIdx = examples.map((e, i) => (e.trap ? i : -1)).filter((i) => i >= 0);
  const trap = trapIdx.length ? { examples: trapIdx.length, departmentAccuracy: trapIdx.filter((i) => preds[i].department === examples[i].department).length / trapIdx.length } : null;

  // calibration of the department confidence
  const n = examples.length;
  const correct = examples.map((e, i) => preds[i].department === e.department);
  const bins = Array.from({ length: 10 }, (_, b) => ({ from: b / 10, to: (b + 1) / 10, count: 0, meanConfidence: 0, accuracy: 0 }));
  let logLoss = 0;
  preds.forEach((p, i) => {
    const b = Math.min(9, Math.floor(p.confidence * 10));
    bins[b].count++;
    bins[b].meanConfidence += p.confidence;
    bins[b].accuracy += correct[i] ? 1 : 0;
    const pTrue = correct[i] ? p.confidence : (p.alternatives.find((a) => a.department === examples[i].department)?.confidence ?? 1e-4);
    logLoss -= Math.log(Math.max(pTrue, 1e-6));
  });
  let ece = 0;
  for (const b of bins) {
    if (b.count) {
      b.meanConfidence /= b.count;
      b.accuracy /= b.count;
      ece += (b.count / n) * Math.abs(b.meanConfidence - b.accuracy);
    }
  }
  const thresholds = (thresholdList ?? [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]).map((t) => {
    const above = preds.map((p, i) => (p.confidence >= t ? i : -1)).filter((i) => i >= 0);
    return {
      threshold: t,
      coverage: above.length / n,
      accuracyAbove: above.length ? above.filter((i) => correct[i]).length / above.length : 1,
      shareBelow: 1 - above.length / n,
    };
  });

  return {
    examples: n,
    trap,
    department: { accuracy: dept.accuracy, macroF1: dept.macroF1, perClass: dept.perClass, confusions },
    type: { accuracy: type.accuracy, macroF1: type.macroF1, perClass: type.perClass },
    firstContactResolvable: {
      accuracy: fcrCorrect / n,
      precision: fcrTp + fcrFp ? fcrTp / (fcrTp + fcrFp) : 0,
      recall: fcrTp + fcrFn ? fcrTp / (fcrTp + fcrFn) : 0,
    },
    urgent: { recall: uRec, precision: uPrec, f1: uPrec + uRec ? (2 * uPrec * uRec) / (uPrec + uRec) : 0, support: uTp + uFn, predicted: uTp + uFp },
    perLanguage,
    calibration: {
      meanConfidence: preds.reduce((s, p) => s + p.confidence, 0) / n,
      expectedCalibrationError: ece,
      logLoss: logLoss / n,
      bins: bins.filter((b) => b.count > 0),
      thresholds,
      wrongAbove90: preds.filter((p, i) => p.confidence >= 0.9 && !correct[i]).length / n,
    },
    mistakes: examples
      .map((e, i) => ({ index: i, language: e.language ?? '', actual: e.department, predicted: preds[i].department, confidence: preds[i].confidence, text: (e.subject ? e.subject + ' | ' : '') + e.text }))
      .filter((m) => m.actual !== m.predicted),
  };
}

/** Human-readable report (for the CLI and logs). */
export function formatReport(r: CrossValidationReport): string {
  const pct = (v: number) => (100 * v).toFixed(1) + '%';
  const lines: string[] = [];
  const mode = r.catalogueMode === 'per fold' ? 'names and descriptions + keywords induced from the training folds' : r.catalogueMode === 'as given' ? 'as given' : 'off';
  lines.push(
    r.catalogueMode === 'held out'
      ? `held-out set of ${r.examples} examples, one model trained without them`
      : `${r.folds}-fold stratified cross-validation on ${r.examples} examples (seed ${r.seed}, catalogue ${mode})`,
  );
  lines.push(`  department accuracy      ${pct(r.department.accuracy)}   macro-F1 ${r.department.macroF1.toFixed(3)}`);
  lines.push(`  type accuracy            ${pct(r.type.accuracy)}   macro-F1 ${r.type.macroF1.toFixed(3)}`);
  lines.push(`  first-contact-resolvable ${pct(r.firstContactResolvable.accuracy)}   precision ${pct(r.firstContactResolvable.precision)} recall ${pct(r.firstContactResolvable.recall)}`);
  lines.push(`  urgent                   recall ${pct(r.urgent.recall)} (${Math.round(r.urgent.recall * r.urgent.support)}/${r.urgent.support})   precision ${pct(r.urgent.precision)} (${r.urgent.predicted} flagged)`);
  lines.push('  per language:');
  for (const [l, v] of Object.entries(r.perLanguage)) {
    lines.push(`    ${l.padEnd(3)} n=${String(v.examples).padStart(3)}  department ${pct(v.departmentAccuracy).padStart(6)}  type ${pct(v.typeAccuracy).padStart(6)}`);
  }
  if (r.trap) lines.push(`    trap items n=${String(r.trap.examples).padStart(3)}  department ${pct(r.trap.departmentAccuracy).padStart(6)}`);
  lines.push('  per department (precision / recall / F1, support):');
  for (const [d, m] of Object.entries(r.department.perClass)) {
    lines.push(`    ${d.padEnd(18)} ${m.precision.toFixed(2)} / ${m.recall.toFixed(2)} / ${m.f1.toFixed(2)}  ${m.support}`);
  }
  lines.push(`  calibration: mean confidence ${pct(r.calibration.meanConfidence)} vs accuracy ${pct(r.department.accuracy)}, ECE ${r.calibration.expectedCalibrationError.toFixed(3)}, log-loss ${r.calibration.logLoss.toFixed(3)}, wrong with confidence ≥ 0.9: ${pct(r.calibration.wrongAbove90)} of all`);
  lines.push('  reliability diagram (# = accuracy, | = mean confidence, 20 columns = 100%):');
  for (const b of r.calibration.bins) {
    const bar = '#'.repeat(Math.round(b.accuracy * 20)).padEnd(20, ' ').split('');
    bar[Math.min(19, Math.round(b.meanConfidence * 20))] = '|';
    lines.push(`    ${b.from.toFixed(1)}–${b.to.toFixed(1)} ${bar.join('')} n=${String(b.count).padStart(3)}  mean conf ${pct(b.meanConfidence).padStart(6)}  accuracy ${pct(b.accuracy).padStart(6)}`);
  }
  lines.push('  routing threshold → auto-routed share, their accuracy, share to human triage:');
  for (const t of r.calibration.thresholds) {
    lines.push(`    ≥ ${t.threshold.toFixed(2)}: ${pct(t.coverage).padStart(6)} routed, accuracy ${pct(t.accuracyAbove).padStart(6)}, ${pct(t.shareBelow).padStart(6)} to triage`);
  }
  if (r.department.confusions.length) {
    lines.push('  most frequent confusions (actual → predicted):');
    for (const c of r.department.confusions.slice(0, 8)) lines.push(`    ${c.actual} → ${c.predicted}: ${c.count}`);
  }
  if (r.folds) lines.push(`  timing: training ${r.timing.trainMillisPerFold.toFixed(0)} ms per fold, ${r.timing.classifyMicrosEach.toFixed(0)} µs per classification`);
  return lines.join('\n');
}
