/**
 * The serialisable classifier model (ModelData): its shape, the examples and inputs it is
 * trained and used on, and the validation every stored or imported model passes before use.
 */
import { Calibration } from './calibrate';
import { StoredCatalogueEntry } from './catalogue';
import { FeatureConfig, GROUPS, REQUIRED_GROUPS } from './features';

export const MODEL_VERSION = 1;
export const MODEL_KIND = 'lotsen-inquiry-classifier';

export interface TrainingExample {
  subject?: string;
  text: string;
  language?: string;
  department: string;
  type: string;
  firstContactResolvable: boolean;
  urgent: boolean;
  /** Deliberately hard item (keyword overlap, sarcasm, mixed language, misspelling, very short); evaluation only. */
  trap?: boolean;
}

export interface ClassifierInput {
  subject?: string;
  body: string;
  language?: string;
}

export interface Classification {
  department: string;
  /** Best-matching catalogue category of the chosen department (keyword match), or null. */
  category: string | null;
  type: string;
  firstContactResolvable: boolean;
  urgent: boolean;
  language: string;
  /** Calibrated probability of the chosen department. */
  confidence: number;
  /** Calibrated probability of the chosen type. */
  typeConfidence: number;
  /** Calibrated probability that the contact center can answer at once. */
  firstContactResolvableProbability: number;
  /** Probability that it needs action today (decision threshold: model.thresholds.urgent). */
  urgentProbability: number;
  /** What decided the department: words, phrases, cues and catalogue keywords with their logit contribution. */
  explanation: { feature: string; weight: number }[];
  /** The runner-up departments, most likely first. */
  alternatives: { department: string; confidence: number }[];
}

export interface HeadData {
  labels: string[];
  /** Feature-major weights: weights[f * labels.length + c]. */
  weights: number[];
  bias: number[];
  calibration: Calibration;
}

export interface ModelData {
  version: number;
  kind: string;
  createdAt: string;
  features: { config: FeatureConfig; vocabulary: string[]; idf: number[] };
  heads: { department: HeadData; type: HeadData; firstContactResolvable: HeadData; urgent: HeadData; firstLine?: HeadData };
  /** With a `firstLine` head: the first line's department code (the department head then decides the topic). */
  firstLineDepartment?: string;
  catalogue: StoredCatalogueEntry[];
  thresholds: { firstContactResolvable: number; urgent: number; triage?: number };
  training: {
    examples: number;
    departments: Record<string, number>;
    types: Record<string, number>;
    languages: Record<string, number>;
    catalogueTexts: number;
    seed: number;
    l2: number;
    calibrationFolds: number;
    /** Held-out department accuracy seen while calibrating (a rough quality indicator). */
    heldOutDepartmentAccuracy: number | null;
  };
}


export const HEAD_NAMES = ['department', 'type', 'firstContactResolvable', 'urgent'] as const;
export type HeadName = (typeof HEAD_NAMES)[number];
/** Heads a model may have beyond the four: `firstLine`, the intent of topic-and-intent models (see topic-intent.ts). */
export type AnyHeadName = HeadName | 'firstLine';
export function headsOf(data: ModelData): AnyHeadName[] {
  return data.heads.firstLine ? [...HEAD_NAMES, 'firstLine'] : [...HEAD_NAMES];
}

function fail(msg: string): never {
  throw new Error(`Classifier.fromModel: malformed model: ${msg}`);
}

function isFiniteNumberArray(a: unknown, len?: number): a is number[] {
  if (!Array.isArray(a)) return false;
  if (len !== undefined && a.length !== len) return false;
  for (const v of a) if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  return true;
}

export function validateModel(data: ModelData): void {
  if (!data || typeof data !== 'object') fail('not an object');
  if (data.version !== MODEL_VERSION) fail(`unsupported version ${String(data.version)} (expected ${MODEL_VERSION})`);
  if (data.kind !== MODEL_KIND) fail(`kind must be "${MODEL_KIND}"`);
  const f = data.features;
  if (!f || typeof f !== 'object') fail('features missing');
  const c = f.config;
  if (!c || typeof c !== 'object' || !Number.isInteger(c.charMin) || !Number.isInteger(c.charMax) || c.charMin < 1 || c.charMax < c.charMin) fail('features.config invalid');
  if (!c.groupWeight || REQUIRED_GROUPS.some((g) => typeof c.groupWeight[g] !== 'number' || !Number.isFinite(c.groupWeight[g]))) fail('features.config.groupWeight invalid');
  if (c.groupWeight.s !== undefined && (typeof c.groupWeight.s !== 'number' || !Number.isFinite(c.groupWeight.s) || c.groupWeight.s < 0)) fail('features.config.groupWeight.s invalid');
  if (!Array.isArray(f.vocabulary) || f.vocabulary.some((v) => typeof v !== 'string' || !GROUPS.includes(v[0] as never))) fail('features.vocabulary must be an array of feature names');
  if (new Set(f.vocabulary).size !== f.vocabulary.length) fail('features.vocabulary has duplicates');
  const d = f.vocabulary.length;
  if (!isFiniteNumberArray(f.idf, d)) fail('features.idf must be finite numbers, one per feature');
  if (!data.heads || typeof data.heads !== 'object') fail('heads missing');
  if (data.heads.firstLine !== undefined) {
    if (typeof data.firstLineDepartment !== 'string' || !data.heads.department?.labels?.includes(data.firstLineDepartment)) fail('firstLineDepartment must be one of the department labels');
  }
  for (const h of headsOf(data)) {
    const head = data.heads[h]!;
    if (!head || typeof head !== 'object') fail(`head ${h} missing`);
    if (!Array.isArray(head.labels) || head.labels.length === 0 || head.labels.some((l) => typeof l !== 'string' || !l)) fail(`head ${h}: labels invalid`);
    if (new Set(head.labels).size !== head.labels.length) fail(`head ${h}: duplicate labels`);
    const k = head.labels.length;
    if (!isFiniteNumberArray(head.weights, d * k)) fail(`head ${h}: weights must be ${d}×${k} finite numbers`);
    if (!isFiniteNumberArray(head.bias, k)) fail(`head ${h}: bias must be ${k} finite numbers`);
    const cal = head.calibration;
    if (!cal || typeof cal.scale !== 'number' || !(cal.scale > 0) || !Number.isFinite(cal.scale)) fail(`head ${h}: calibration.scale must be a positive number`);
    if (typeof cal.catalogueWeight !== 'number' || !Number.isFinite(cal.catalogueWeight) || cal.catalogueWeight < 0) fail(`head ${h}: calibration.catalogueWeight invalid`);
    if (!isFiniteNumberArray(cal.shift, k)) fail(`head ${h}: calibration.shift must be ${k} finite numbers`);
    if (!isFiniteNumberArray(cal.stack)) fail(`head ${h}: calibration.stack must be an array of finite numbers`);
    const stackDim =
      h === 'firstContactResolvable' || h === 'urgent' ? data.heads.department.labels.length + data.heads.type.labels.length : h === 'firstLine' ? data.heads.department.labels.length : 0;
    if (cal.stack.length !== 0 && cal.stack.length !== stackDim) fail(`head ${h}: calibration.stack must have ${stackDim} weights`);
  }
  if (data.heads.department.labels.length < 2) fail('the department head needs at least two departments');
  for (const h of headsOf(data).filter((x) => x === 'firstContactResolvable' || x === 'urgent' || x === 'firstLine')) {
    if (data.heads[h]!.labels.some((l) => l !== 'true' && l !== 'false')) fail(`head ${h}: labels must be "false"/"true"`);
  }
  if (!Array.isArray(data.catalogue)) fail('catalogue must be an array');
  data.catalogue.forEach((e, i) => {
    if (!e || typeof e.department !== 'string' || !Array.isArray(e.keywords) || e.keywords.some((k) => typeof k !== 'string')) fail(`catalogue entry ${i} invalid`);
  });
  const t = data.thresholds;
  if (t && t.triage !== undefined && !(typeof t.triage === 'number' && t.triage >= 0 && t.triage <= 1)) fail('thresholds.triage must be a number in [0, 1]');
  if (!t || typeof t.urgent !== 'number' || typeof t.firstContactResolvable !== 'number' || !(t.urgent > 0 && t.urgent < 1) || !(t.firstContactResolvable > 0 && t.firstContactResolvable < 1)) {
    fail('thresholds must be numbers in (0, 1)');
  }
}
