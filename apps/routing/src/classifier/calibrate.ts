/**
 * Probability calibration on held-out (out-of-fold) scores.
 *
 * Calibrated logits are
 *   z_c = scale · s_c + catalogueWeight · cat_c + shift_c (+ Σ_j stack_j · e_j for the last class)
 * where s are the raw model logits, cat the catalogue keyword evidence (log(1 + matched weight)
 * per class), shift an optional per-class offset (Platt scaling for the binary heads) and e
 * optional stacked inputs (for the binary heads: the calibrated department and type
 * probabilities, since "answerable at once" depends a lot on what kind of inquiry it is).
 * scale is 1/temperature. All parameters minimise the held-out negative log-likelihood (with
 * a small ridge penalty), which is convex in them; catalogueWeight is kept ≥ 0 so that a
 * municipality's keyword always pulls towards its department.
 */
import { lbfgs, softmaxInto } from './optim';

export interface Calibration {
  scale: number;
  catalogueWeight: number;
  shift: number[];
  /** Weights of the stacked inputs on the last class's logit (empty if none). */
  stack: number[];
}

export interface CalibrationInput {
  /** m×k raw held-out logits. */
  scores: Float64Array;
  /** m×k catalogue evidence (or null). */
  catalogue: Float64Array | null;
  labels: Int32Array;
  k: number;
  fitShift: boolean;
  /** Hold the catalogue weight at this value instead of fitting it. */
  fixedCatalogueWeight?: number;
  /** m×e stacked inputs added to the last class's logit (or null). */
  extra?: Float64Array | null;
  extraDim?: number;
}

const RIDGE = 1e-3;
const STACK_RIDGE = 0.05;

interface Layout {
  k: number;
  useCat: boolean;
  shifts: number; // k-1 or 0
  e: number;
  dim: number;
}

function layout(input: CalibrationInput): Layout {
  const k = input.k;
  const useCat = !!input.catalogue;
  const shifts = input.fitShift ? k - 1 : 0;
  const e = input.extra && input.extraDim ? input.extraDim : 0;
  return { k, useCat, shifts, e, dim: 2 + shifts + e };
}

/** Negative log-likelihood and its gradient; x = [scale, catWeight, shift_1..k-1, stack_1..e]. */
function objective(input: CalibrationInput, lay: Layout, x: Float64Array, grad: Float64Array | null): number {
  const { scores, catalogue, labels } = input;
  const { k, e } = lay;
  const m = labels.length;
  const z = new Float64Array(k);
  const p = new Float64Array(k);
  let loss = 0;
  if (grad) grad.fill(0);
  for (let i = 0; i < m; i++) {
    for (let c = 0; c < k; c++) {
      z[c] = x[0] * scores[i * k + c] + (lay.useCat && catalogue ? x[1] * catalogue[i * k + c] : 0) + (c > 0 && lay.shifts ? x[1 + c] : 0);
    }
    if (e) {
      let add = 0;
      for (let j = 0; j < e; j++) add += x[2 + lay.shifts + j] * input.extra![i * e + j];
      z[k - 1] += add;
    }
    const lse = softmaxInto(z, p, k);
    loss += lse - z[labels[i]];
    if (grad) {
      for (let c = 0; c < k; c++) {
        const r = p[c] - (c === labels[i] ? 1 : 0);
        grad[0] += r * scores[i * k + c];
        if (lay.useCat && catalogue) grad[1] += r * catalogue[i * k + c];
        if (c > 0 && lay.shifts) grad[1 + c] += r;
        if (e && c === k - 1) for (let j = 0; j < e; j++) grad[2 + lay.shifts + j] += r * input.extra![i * e + j];
      }
    }
  }
  // ridge: keeps the problem well posed when held-out data separate perfectly
  loss += RIDGE * ((x[0] - 1) ** 2 + x[1] ** 2);
  if (grad) {
    grad[0] += 2 * RIDGE * (x[0] - 1);
    grad[1] += 2 * RIDGE * x[1];
  }
  for (let j = 0; j < e; j++) {
    const q = 2 + lay.shifts + j;
    loss += STACK_RIDGE * x[q] ** 2;
    if (grad) grad[q] += 2 * STACK_RIDGE * x[q];
  }
  return loss;
}

function unpack(lay: Layout, x: Float64Array): Calibration {
  const shift = [0];
  for (let c = 1; c < lay.k; c++) shift.push(lay.shifts ? x[1 + c] : 0);
  const stack: number[] = [];
  for (let j = 0; j < lay.e; j++) stack.push(x[2 + lay.shifts + j]);
  return { scale: x[0] > 0 ? x[0] : 1e-3, catalogueWeight: lay.useCat ? Math.max(0, x[1]) : 0, shift, stack };
}

/** Fits scale (> 0), catalogue weight (≥ 0), per-class shifts and stacked weights, as asked. */
export function fitCalibration(input: CalibrationInput): Calibration {
  const lay = layout(input);
  if (lay.k <= 1 || input.labels.length === 0) return { scale: 1, catalogueWeight: 0, shift: new Array(Math.max(lay.k, 1)).fill(0), stack: new Array(lay.e).fill(0) };
  const solve = (catFixedAt: number | null) => {
    const f = (x: Float64Array, g: Float64Array) => {
      if (catFixedAt !== null) x[1] = catFixedAt;
      const v = objective(input, lay, x, g);
      if (catFixedAt !== null || !lay.useCat) g[1] = 0;
      return v;
    };
    const x0 = new Float64Array(lay.dim);
    x0[0] = 1;
    x0[1] = catFixedAt ?? (lay.useCat ? 0.5 : 0);
    return lbfgs(f, x0, { maxIterations: 300, gradientTolerance: 1e-6 }).x;
  };
  const fixed = lay.useCat && input.fixedCatalogueWeight !== undefined ? Math.max(0, input.fixedCatalogueWeight) : null;
  let x = solve(fixed);
  if (lay.useCat && x[1] < 0) x = solve(0);
  return unpack(lay, x);
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
