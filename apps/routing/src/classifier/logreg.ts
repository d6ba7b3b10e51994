/**
 * L2-regularised multinomial logistic regression, trained exactly in the span of the
 * training documents.
 *
 * With far more features (tens of thousands of n-grams) than documents (hundreds), the
 * optimum W lies in the row space of X (representer theorem). Factorising the Gram matrix
 * X·Xᵀ = L·Lᵀ (Cholesky) turns the problem into an equivalent, well-conditioned one with
 * N-dimensional dense inputs z_i = L_i and the same L2 penalty (W = Xᵀ·L⁻ᵀ·β, ‖W‖ = ‖β‖).
 * That is solved with L-BFGS in milliseconds, deterministically; W is expanded at the end.
 */
import { cholesky, lbfgs, softmaxInto, solveUpperTransposed } from './optim';
import { SparseVector } from './features';

/** Symmetric Gram matrix of sparse vectors (row-major n×n). */
export function gramMatrix(vectors: readonly SparseVector[]): Float64Array {
  const n = vectors.length;
  const g = new Float64Array(n * n);
  let d = 0;
  for (const v of vectors) for (let q = 0; q < v.idx.length; q++) d = Math.max(d, v.idx[q] + 1);
  // scatter one vector densely, then dot every earlier vector against it
  const dense = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const vi = vectors[i];
    for (let q = 0; q < vi.idx.length; q++) dense[vi.idx[q]] = vi.val[q];
    for (let j = 0; j <= i; j++) {
      const vj = vectors[j];
      let s = 0;
      for (let q = 0; q < vj.idx.length; q++) s += dense[vj.idx[q]] * vj.val[q];
      g[i * n + j] = s;
      g[j * n + i] = s;
    }
    for (let q = 0; q < vi.idx.length; q++) dense[vi.idx[q]] = 0;
  }
  return g;
}

/** Sub-matrix of a Gram matrix for the given rows/columns. */
export function subGram(g: Float64Array, n: number, rows: readonly number[], cols: readonly number[] = rows): Float64Array {
  const out = new Float64Array(rows.length * cols.length);
  for (let a = 0; a < rows.length; a++) {
    const r = rows[a] * n;
    for (let b = 0; b < cols.length; b++) out[a * cols.length + b] = g[r + cols[b]];
  }
  return out;
}

export interface DualModel {
  /** n×k dual coefficients: W = Σ_i x_i ⊗ alpha_i. */
  alpha: Float64Array;
  bias: Float64Array;
  k: number;
  iterations: number;
  evaluations: number;
}

export interface SoftmaxTrainOptions {
  l2: number;
  sampleWeight?: Float64Array;
  maxIterations?: number;
}

/**
 * Trains on n documents given their Gram matrix (n×n) and labels 0..k-1.
 * For k = 1 (a single class) returns a constant model.
 */
export function trainSoftmax(gram: Float64Array, n: number, y: Int32Array, k: number, opts: SoftmaxTrainOptions): DualModel {
  if (k <= 1 || n === 0) return { alpha: new Float64Array(n * Math.max(k, 1)), bias: new Float64Array(Math.max(k, 1)), k: Math.max(k, 1), iterations: 0, evaluations: 0 };
  const l = cholesky(gram, n);
  const w = opts.sampleWeight ?? new Float64Array(n).fill(1);
  const l2 = opts.l2;
  const nb = n * k;
  const s = new Float64Array(nb);
  const r = new Float64Array(nb);
  const p = new Float64Array(k);
  const objective = (x: Float64Array, grad: Float64Array): number => {
    // x = [beta (n×k), bias (k)]
    s.fill(0);
    for (let i = 0; i < n; i++) {
      const li = i * n;
      const si = i * k;
      for (let j = 0; j <= i; j++) {
        const lij = l[li + j];
        if (lij === 0) continue;
        const bj = j * k;
        for (let c = 0; c < k; c++) s[si + c] += lij * x[bj + c];
      }
      for (let c = 0; c < k; c++) s[si + c] += x[nb + c];
    }
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const si = i * k;
      const lse = softmaxInto(s.subarray(si, si + k), p, k);
      loss += w[i] * (lse - s[si + y[i]]);
      for (let c = 0; c < k; c++) r[si + c] = w[i] * (p[c] - (c === y[i] ? 1 : 0));
    }
    grad.fill(0);
    // grad beta = Lᵀ r + l2·beta ; grad bias = Σ r
    for (let i = 0; i < n; i++) {
      const li = i * n;
      const ri = i * k;
      for (let j = 0; j <= i; j++) {
        const lij = l[li + j];
        if (lij === 0) continue;
        const bj = j * k;
        for (let c = 0; c < k; c++) grad[bj + c] += lij * r[ri + c];
      }
      for (let c = 0; c < k; c++) grad[nb + c] += r[ri + c];
    }
    let reg = 0;
    for (let q = 0; q < nb; q++) {
      reg += x[q] * x[q];
      grad[q] += l2 * x[q];
    }
    return loss + 0.5 * l2 * reg;
  };
  const res = lbfgs(objective, new Float64Array(nb + k), { maxIterations: opts.maxIterations ?? 300, gradientTolerance: 1e-4 });
  const beta = res.x.subarray(0, nb);
  const alpha = solveUpperTransposed(l, n, beta, k);
  return { alpha, bias: new Float64Array(res.x.subarray(nb)), k, iterations: res.iterations, evaluations: res.evaluations };
}

/** Raw scores (logits) of documents given their kernel rows against the training documents. */
export function dualScores(kernelRows: Float64Array, m: number, model: DualModel, n: number): Float64Array {
  const k = model.k;
  const out = new Float64Array(m * k);
  for (let a = 0; a < m; a++) {
    for (let c = 0; c < k; c++) out[a * k + c] = model.bias[c];
    for (let i = 0; i < n; i++) {
      const v = kernelRows[a * n + i];
      if (v === 0) continue;
      for (let c = 0; c < k; c++) out[a * k + c] += v * model.alpha[i * k + c];
    }
  }
  return out;
}

/** Primal weights W (d×k, row-major by feature) from the dual model and training vectors. */
export function primalWeights(vectors: readonly SparseVector[], model: DualModel, d: number): Float64Array {
  const k = model.k;
  const wts = new Float64Array(d * k);
  vectors.forEach((v, i) => {
    for (let q = 0; q < v.idx.length; q++) {
      const f = v.idx[q] * k;
      const x = v.val[q];
      for (let c = 0; c < k; c++) wts[f + c] += x * model.alpha[i * k + c];
    }
  });
  return wts;
}

/**
 * The same objective solved directly over W (d×k): cost linear in the number of documents and
 * no n×n matrix, for large training sets.
 */
export function trainSoftmaxPrimal(
  vectors: readonly SparseVector[],
  d: number,
  y: Int32Array,
  k: number,
  opts: SoftmaxTrainOptions,
): { weights: Float64Array; bias: Float64Array; iterations: number; evaluations: number } {
  const n = vectors.length;
  if (k <= 1 || n === 0) return { weights: new Float64Array(d * Math.max(k, 1)), bias: new Float64Array(Math.max(k, 1)), iterations: 0, evaluations: 0 };
  const w = opts.sampleWeight ?? new Float64Array(n).fill(1);
  const l2 = opts.l2;
  const nw = d * k;
  const s = new Float64Array(k);
  const p = new Float64Array(k);
  const objective = (x: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const v = vectors[i];
      for (let c = 0; c < k; c++) s[c] = x[nw + c];
      for (let q = 0; q < v.idx.length; q++) {
        const base = v.idx[q] * k;
        const xv = v.val[q];
        for (let c = 0; c < k; c++) s[c] += xv * x[base + c];
      }
      const lse = softmaxInto(s, p, k);
      loss += w[i] * (lse - s[y[i]]);
      for (let c = 0; c < k; c++) p[c] = w[i] * (p[c] - (c === y[i] ? 1 : 0));
      for (let q = 0; q < v.idx.length; q++) {
        const base = v.idx[q] * k;
        const xv = v.val[q];
        for (let c = 0; c < k; c++) grad[base + c] += xv * p[c];
      }
      for (let c = 0; c < k; c++) grad[nw + c] += p[c];
    }
    let reg = 0;
    for (let q = 0; q < nw; q++) {
      reg += x[q] * x[q];
      grad[q] += l2 * x[q];
    }
    return loss + 0.5 * l2 * reg;
  };
  const res = lbfgs(objective, new Float64Array(nw + k), { maxIterations: opts.maxIterations ?? 300, gradientTolerance: 1e-4 });
  return { weights: res.x.slice(0, nw), bias: res.x.slice(nw), iterations: res.iterations, evaluations: res.evaluations };
}

/** Raw scores of documents under primal weights W (d×k) and bias. */
export function primalScores(vectors: readonly SparseVector[], weights: Float64Array, bias: Float64Array, k: number): Float64Array {
  const out = new Float64Array(vectors.length * k);
  vectors.forEach((v, a) => {
    for (let c = 0; c < k; c++) out[a * k + c] = bias[c];
    for (let q = 0; q < v.idx.length; q++) {
      const base = v.idx[q] * k;
      for (let c = 0; c < k; c++) out[a * k + c] += v.val[q] * weights[base + c];
    }
  });
  return out;
}
