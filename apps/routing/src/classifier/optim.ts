/**
 * Numerics for training: Cholesky factorisation, triangular solves, L-BFGS, softmax.
 * Dense, small (N ≤ a few thousand), dependency-free.
 */

/** In-place lower Cholesky factor of a symmetric positive (semi-)definite n×n matrix (row-major). */
export function cholesky(a: Float64Array, n: number, jitter = 1e-8): Float64Array {
  let trace = 0;
  for (let i = 0; i < n; i++) trace += a[i * n + i];
  const eps = Math.max(jitter * (trace / Math.max(n, 1)), 1e-12);
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      const li = i * n;
      const lj = j * n;
      for (let k = 0; k < j; k++) s -= l[li + k] * l[lj + k];
      if (i === j) {
        s += eps;
        l[li + i] = Math.sqrt(Math.max(s, eps));
      } else {
        l[li + j] = s / l[lj + j];
      }
    }
  }
  return l;
}

/** Solves Lᵀ X = B for X (L lower triangular n×n, B n×k row-major), returns X. */
export function solveUpperTransposed(l: Float64Array, n: number, b: Float64Array, k: number): Float64Array {
  const x = new Float64Array(b);
  for (let i = n - 1; i >= 0; i--) {
    const lii = l[i * n + i];
    for (let c = 0; c < k; c++) {
      let s = x[i * k + c];
      for (let j = i + 1; j < n; j++) s -= l[j * n + i] * x[j * k + c];
      x[i * k + c] = s / lii;
    }
  }
  return x;
}

export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations?: number;
  memory?: number;
  gradientTolerance?: number;
  relativeTolerance?: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Minimises a smooth convex function with L-BFGS and a backtracking (Armijo) line search. */
export function lbfgs(f: Objective, x0: Float64Array, opts: LbfgsOptions = {}): { x: Float64Array; value: number; iterations: number; evaluations: number } {
  const maxIt = opts.maxIterations ?? 200;
  const m = opts.memory ?? 8;
  const gtol = opts.gradientTolerance ?? 1e-5;
  const rtol = opts.relativeTolerance ?? 1e-9;
  const n = x0.length;
  let x = new Float64Array(x0);
  let g = new Float64Array(n);
  let evaluations = 1;
  let fx = f(x, g);
  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  const rho: number[] = [];
  const d = new Float64Array(n);
  const alpha = new Float64Array(m);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  let it = 0;
  for (; it < maxIt; it++) {
    let gmax = 0;
    for (let i = 0; i < n; i++) gmax = Math.max(gmax, Math.abs(g[i]));
    if (gmax < gtol) break;
    // two-loop recursion: d = -H g
    for (let i = 0; i < n; i++) d[i] = -g[i];
    const k = sList.length;
    for (let j = k - 1; j >= 0; j--) {
      alpha[j] = rho[j] * dot(sList[j], d);
      const y = yList[j];
      for (let i = 0; i < n; i++) d[i] -= alpha[j] * y[i];
    }
    if (k > 0) {
      const gamma = dot(sList[k - 1], yList[k - 1]) / dot(yList[k - 1], yList[k - 1]);
      for (let i = 0; i < n; i++) d[i] *= gamma;
    } else {
      const gn = Math.sqrt(dot(g, g));
      for (let i = 0; i < n; i++) d[i] /= Math.max(gn, 1);
    }
    for (let j = 0; j < k; j++) {
      const beta = rho[j] * dot(yList[j], d);
      const s = sList[j];
      for (let i = 0; i < n; i++) d[i] += s[i] * (alpha[j] - beta);
    }
    let gd = dot(g, d);
    if (gd >= 0) {
      // not a descent direction: reset memory, use steepest descent
      sList.length = 0;
      yList.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      gd = dot(g, d);
    }
    let step = 1;
    let fNew = 0;
    let accepted = false;
    for (let ls = 0; ls < 40; ls++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      fNew = f(xNew, gNew);
      evaluations++;
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * step * gd) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      if (sList.length === m) {
        sList.shift();
        yList.shift();
        rho.shift();
      }
      sList.push(s);
      yList.push(y);
      rho.push(1 / sy);
    }
    const rel = Math.abs(fx - fNew) / Math.max(Math.abs(fx), Math.abs(fNew), 1);
    x = new Float64Array(xNew);
    g = new Float64Array(gNew);
    fx = fNew;
    if (rel < rtol) {
      it++;
      break;
    }
  }
  return { x, value: fx, iterations: it, evaluations };
}

/** Softmax of row `scores` into `out`, returns log-sum-exp. */
export function softmaxInto(scores: ArrayLike<number>, out: Float64Array | number[], k = scores.length): number {
  let max = -Infinity;
  for (let c = 0; c < k; c++) if (scores[c] > max) max = scores[c];
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const e = Math.exp(scores[c] - max);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < k; c++) out[c] /= sum;
  return max + Math.log(sum);
}
