/**
 * The municipality's service catalogue as the classifier sees it: keyword lists per category
 * (or per department), in any of the supported languages. `DemoCategory[]` from
 * libs/demo-municipality/src/municipality.ts fits this shape as it is.
 *
 * The catalogue steers the department decision through a keyword prior: every department's
 * logit gets `catalogueWeight · log(1 + matched keyword weight)`, where catalogueWeight is fitted
 * on held-out folds at training time. It also picks the category inside the chosen department.
 */
import { KeywordMatcher, KeywordMatch, KeywordSpec } from './keywords';

export interface CatalogueEntry {
  /** Category code (lower_snake). Leave out for a department-wide keyword list. */
  code?: string;
  department: string;
  /** Keywords per language (`{ sv: [...], en: [...] }`) or one list for all languages. */
  keywords: Readonly<Partial<Record<string, readonly string[]>>> | readonly string[];
  /** The contact center answers it itself. */
  firstLine?: boolean;
  /** Shown as a fault-report service. */
  faultReport?: boolean;
  /** Display names per language (used, with the description, as extra training text). */
  name?: Readonly<Partial<Record<string, string>>>;
  description?: Readonly<Partial<Record<string, string>>>;
}

export type CatalogueKeywords = readonly CatalogueEntry[] | { readonly categories: readonly CatalogueEntry[] };

/** Serialisable, normalised form stored inside the model. */
export interface StoredCatalogueEntry {
  code: string | null;
  department: string;
  keywords: string[];
  firstLine: boolean;
  faultReport: boolean;
}

export function catalogueEntries(catalogue: CatalogueKeywords | null | undefined): readonly CatalogueEntry[] {
  if (!catalogue) return [];
  if (Array.isArray(catalogue)) return catalogue;
  const cats = (catalogue as { categories?: unknown }).categories;
  if (Array.isArray(cats)) return cats as CatalogueEntry[];
  throw new Error('catalogue must be an array of { department, keywords } entries or { categories: [...] }');
}

/** Validates and flattens a catalogue into the stored form. */
export function storeCatalogue(catalogue: CatalogueKeywords | null | undefined): StoredCatalogueEntry[] {
  const out: StoredCatalogueEntry[] = [];
  for (const [i, e] of catalogueEntries(catalogue).entries()) {
    if (!e || typeof e !== 'object') throw new Error(`catalogue entry ${i} is not an object`);
    if (typeof e.department !== 'string' || !e.department) throw new Error(`catalogue entry ${i} has no department`);
    if (e.code !== undefined && e.code !== null && typeof e.code !== 'string') throw new Error(`catalogue entry ${i}: code must be a string`);
    const kws: string[] = [];
    const k = e.keywords as unknown;
    if (Array.isArray(k)) kws.push(...k.map(String));
    else if (k && typeof k === 'object') {
      for (const list of Object.values(k as Record<string, unknown>)) {
        if (list === undefined || list === null) continue;
        if (!Array.isArray(list)) throw new Error(`catalogue entry ${i}: keywords per language must be arrays`);
        kws.push(...list.map(String));
      }
    } else if (k !== undefined && k !== null) throw new Error(`catalogue entry ${i}: keywords must be an array or an object of arrays`);
    out.push({
      code: e.code ?? null,
      department: e.department,
      keywords: [...new Set(kws.map((s) => s.trim()).filter(Boolean))],
      firstLine: !!e.firstLine,
      faultReport: !!e.faultReport,
    });
  }
  return out;
}

export interface CatalogueScores {
  /** Matched keyword weight per department index (model's department order). */
  departmentScore: Float64Array;
  /** Matched keyword weight per catalogue entry. */
  entryScore: Float64Array;
  matches: KeywordMatch[];
}

/** Keyword matcher over a stored catalogue, aligned with the model's department labels. */
export class CatalogueIndex {
  private readonly matcher: KeywordMatcher;
  readonly departmentOfEntry: Int32Array;

  constructor(
    readonly entries: readonly StoredCatalogueEntry[],
    private readonly departments: readonly string[],
  ) {
    const deptIndex = new Map(departments.map((d, i) => [d, i]));
    this.departmentOfEntry = new Int32Array(entries.length);
    const specs: KeywordSpec[] = [];
    entries.forEach((e, i) => {
      this.departmentOfEntry[i] = deptIndex.get(e.department) ?? -1;
      for (const kw of e.keywords) specs.push({ keyword: kw, label: i });
    });
    this.matcher = new KeywordMatcher(specs);
  }

  get empty(): boolean {
    return this.matcher.size === 0;
  }

  score(tokens: readonly string[]): CatalogueScores {
    const departmentScore = new Float64Array(this.departments.length);
    const entryScore = new Float64Array(this.entries.length);
    const matches = this.matcher.match(tokens);
    // Each stretch of text counts once per category and once per department, however many
    // keyword variants (gatlampa, gatlampor, gatlampan) it matches.
    const seenEntry = new Set<string>();
    const seenDept = new Set<string>();
    for (const m of matches) {
      const span = `${m.position}-${m.end}`;
      if (!seenEntry.has(`${m.label}:${span}`)) {
        seenEntry.add(`${m.label}:${span}`);
        entryScore[m.label] += m.weight;
      }
      const d = this.departmentOfEntry[m.label];
      if (d < 0 || seenDept.has(`${d}:${span}`)) continue;
      seenDept.add(`${d}:${span}`);
      departmentScore[d] += m.weight;
    }
    return { departmentScore, entryScore, matches };
  }
}

/**
 * The catalogue as short labelled training texts, one per entry and language: name,
 * description and keywords. Training on them teaches the model the character n-grams of the
 * catalogue's words, so inflected, compounded or misspelled forms also count.
 */
export function catalogueDocuments(catalogue: CatalogueKeywords | null | undefined): { department: string; text: string; language?: string }[] {
  const out: { department: string; text: string; language?: string }[] = [];
  for (const e of catalogueEntries(catalogue)) {
    if (!e || typeof e.department !== 'string') continue;
    const perLang: Record<string, string[]> = {};
    const k = e.keywords as unknown;
    if (Array.isArray(k)) perLang['*'] = k.map(String);
    else if (k && typeof k === 'object') for (const [l, list] of Object.entries(k as Record<string, unknown>)) if (Array.isArray(list)) perLang[l] = list.map(String);
    for (const [lang, list] of Object.entries(perLang)) {
      const parts: string[] = [];
      const name = e.name?.[lang];
      const desc = e.description?.[lang];
      if (name) parts.push(name);
      if (desc) parts.push(desc);
      parts.push(list.map((w) => w.replace(/\*$/, '')).join(', '));
      const text = parts.join('. ').trim();
      if (text) out.push({ department: e.department, text, ...(lang === '*' ? {} : { language: lang }) });
    }
  }
  return out;
}
