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
import { SparseVector, sparseDot } from './features';

/** Symmetric Gram matrix of sparse vectors (row-major n×n). */
export function gramMatrix(vectors: readonly SparseVector[]): Float64Array {
  const n = vectors.length;
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = sparseDot(vectors[i], vectors[j]);
      g[i * n + j] = v;
      g[j * n + i] = v;
    }
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
  if (k <= 1 || n === 0) return { alpha: new Float64Array(n * Math.max(k, 1)), bias: new Float64Array(Math.max(k, 1)), k: Math.max(k, 1), iterations: 0 };
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
  return { alpha, bias: new Float64Array(res.x.subarray(nb)), k, iterations: res.iterations };
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
