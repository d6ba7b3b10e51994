/**
 * Probability calibration on held-out (out-of-fold) scores.
 *
 * Calibrated logits are `scale · s + catalogueWeight · cat + shift`, where s are the raw model
 * logits, cat the catalogue keyword evidence (log(1 + matched weight) per class) and shift an
 * optional per-class offset (used for the binary heads: Platt scaling). scale is 1/temperature.
 * The parameters minimise the held-out negative log-likelihood, which is convex in them.
 */
import { lbfgs, softmaxInto } from './optim';

export interface Calibration {
  scale: number;
  catalogueWeight: number;
  shift: number[];
}

export interface CalibrationInput {
  /** m×k raw held-out logits. */
  scores: Float64Array;
  /** m×k catalogue evidence (or null). */
  catalogue: Float64Array | null;
  labels: Int32Array;
  k: number;
  fitShift: boolean;
  sampleWeight?: Float64Array;
}

function nll(input: CalibrationInput, scale: number, cw: number, shift: ArrayLike<number>, grad: Float64Array | null): number {
  const { scores, catalogue, labels, k } = input;
  const m = labels.length;
  const z = new Float64Array(k);
  const p = new Float64Array(k);
  let loss = 0;
  if (grad) grad.fill(0);
  for (let i = 0; i < m; i++) {
    const w = input.sampleWeight ? input.sampleWeight[i] : 1;
    for (let c = 0; c < k; c++) z[c] = scale * scores[i * k + c] + (catalogue ? cw * catalogue[i * k + c] : 0) + (shift[c] ?? 0);
    const lse = softmaxInto(z, p, k);
    loss += w * (lse - z[labels[i]]);
    if (grad) {
      for (let c = 0; c < k; c++) {
        const r = w * (p[c] - (c === labels[i] ? 1 : 0));
        grad[0] += r * scores[i * k + c];
        if (catalogue) grad[1] += r * catalogue[i * k + c];
        if (input.fitShift && c > 0) grad[1 + c] += r;
      }
    }
  }
  return loss;
}

/** Fits scale (> 0), catalogue weight (≥ 0) and, if asked, per-class shifts. */
export function fitCalibration(input: CalibrationInput): Calibration {
  const { k } = input;
  if (k <= 1 || input.labels.length === 0) return { scale: 1, catalogueWeight: 0, shift: new Array(Math.max(k, 1)).fill(0) };
  const useCat = !!input.catalogue;
  const dim = 2 + (input.fitShift ? k - 1 : 0);
  const unpack = (x: Float64Array, catFixed: number | null) => {
    const shift = [0];
    for (let c = 1; c < k; c++) shift.push(input.fitShift ? x[1 + c] : 0);
    return { scale: x[0], cw: catFixed ?? (useCat ? x[1] : 0), shift };
  };
  const solve = (catFixed: number | null) => {
    const f = (x: Float64Array, g: Float64Array) => {
      const { scale, cw, shift } = unpack(x, catFixed);
      // tiny ridge keeps the problem well posed when the data separate perfectly
      const v = nll(input, scale, cw, shift, g) + 1e-3 * (x[1] * x[1] + (scale - 1) * (scale - 1));
      g[0] += 2e-3 * (scale - 1);
      g[1] = catFixed !== null || !useCat ? 0 : g[1] + 2e-3 * x[1];
      for (let c = 1; c < k && input.fitShift; c++) g[1 + c] += 0;
      return v;
    };
    const x0 = new Float64Array(dim);
    x0[0] = 1;
    x0[1] = catFixed ?? (useCat ? 0.5 : 0);
    return lbfgs(f, x0, { maxIterations: 200, gradientTolerance: 1e-6 }).x;
  };
  let x = solve(null);
  if (useCat && x[1] < 0) {
    x = solve(0);
    x[1] = 0;
  }
  if (!(x[0] > 0)) x[0] = 1e-3;
  const { scale, cw, shift } = unpack(x, null);
  return { scale, catalogueWeight: useCat ? Math.max(0, cw) : 0, shift };
}

/** Mean negative log-likelihood with a given calibration (for reports). */
export function meanNll(input: CalibrationInput, cal: Calibration): number {
  return nll(input, cal.scale, cal.catalogueWeight, cal.shift, null) / Math.max(1, input.labels.length);
}
