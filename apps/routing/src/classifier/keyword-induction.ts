/**
 * Keywords induced from labelled inquiries, and the catalogue without its hand-written keywords.
 *
 * Used by the honest evaluation: the demo keywords were written by someone who had read every
 * dev inquiry, so a cross-validation that uses them has already seen its test folds. Instead,
 * each fold gets the catalogue's names and descriptions only, plus keywords induced from that
 * fold's training inquiries, exactly what a municipality could do with its own data.
 */
import { CatalogueEntry, CatalogueKeywords, catalogueEntries } from './catalogue';
import { textOf } from './features';
import { NUMBER_TOKEN, tokenize } from './normalize';
import { TrainingExample } from './model-schema';

export interface InductionOptions {
  /** Keywords per department at most (default 15). */
  perDepartment?: number;
  /** Inquiries of the department a word must occur in (default 2). */
  minSupport?: number;
  /** Share of the word's inquiries that must belong to the department (default 0.7). */
  minPrecision?: number;
}

/** The catalogue's names and descriptions with every keyword list emptied (one per language it names). */
export function catalogueWithoutKeywords(catalogue: CatalogueKeywords | null | undefined): CatalogueEntry[] {
  return catalogueEntries(catalogue).map((e) => {
    const langs = new Set([...Object.keys(e.name ?? {}), ...Object.keys(e.description ?? {})]);
    return { ...e, keywords: Object.fromEntries([...langs].map((l) => [l, [] as string[]])) };
  });
}

/**
 * Department-wide keyword lists: words found in at least `minSupport` of a department's
 * inquiries and, with add-one smoothing, mostly in that department; ranked by support times
 * the log-lift over the department's base rate.
 */
export function induceKeywords(examples: readonly TrainingExample[], opts: InductionOptions = {}): CatalogueEntry[] {
  const perDepartment = opts.perDepartment ?? 15;
  const minSupport = opts.minSupport ?? 2;
  const minPrecision = opts.minPrecision ?? 0.7;
  const total = new Map<string, number>();
  const byDept = new Map<string, Map<string, number>>();
  const deptSize = new Map<string, number>();
  for (const e of examples) {
    deptSize.set(e.department, (deptSize.get(e.department) ?? 0) + 1);
    let counts = byDept.get(e.department);
    if (!counts) byDept.set(e.department, (counts = new Map()));
    for (const t of new Set(tokenize(textOf(e.subject, e.text)))) {
      if (t === NUMBER_TOKEN || [...t].length < 4 || /\d/.test(t)) continue;
      total.set(t, (total.get(t) ?? 0) + 1);
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
  }
  const n = examples.length;
  const out: CatalogueEntry[] = [];
  for (const [department, counts] of [...byDept.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const base = deptSize.get(department)! / n;
    const ranked = [...counts.entries()]
      .map(([word, support]) => ({ word, support, precision: support / (total.get(word)! + 1) }))
      .filter((w) => w.support >= minSupport && w.precision >= minPrecision)
      .map((w) => ({ ...w, score: w.support * Math.log(w.precision / base) }))
      .sort((a, b) => b.score - a.score || a.word.localeCompare(b.word))
      .slice(0, perDepartment);
    if (ranked.length) out.push({ department, keywords: ranked.map((w) => w.word) });
  }
  return out;
}

/** The catalogue a fold may use: names and descriptions, plus keywords induced from its training inquiries. */
export function honestCatalogue(catalogue: CatalogueKeywords | null | undefined, train: readonly TrainingExample[], opts?: InductionOptions): CatalogueEntry[] {
  return [...catalogueWithoutKeywords(catalogue), ...induceKeywords(train, opts)];
}
