/** Deterministic randomness and stratified fold assignment. */

/** mulberry32: small, fast, seedable PRNG returning [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * Fold number (0..folds-1) per item, stratified by label: each label's items are shuffled and
 * dealt round-robin, continuing where the previous label stopped so fold sizes stay even.
 */
export function stratifiedFolds(labels: readonly string[], folds: number, seed: number): Int32Array {
  const random = rng(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byLabel.get(l);
    if (list) list.push(i);
    else byLabel.set(l, [i]);
  });
  const out = new Int32Array(labels.length);
  let next = 0;
  for (const key of [...byLabel.keys()].sort()) {
    for (const i of shuffle(byLabel.get(key)!, random)) {
      out[i] = next;
      next = (next + 1) % folds;
    }
  }
  return out;
}
