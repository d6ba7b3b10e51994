/**
 * Learning curve: department accuracy on a fixed held-out third of the labelled inquiries as a
 * new municipality adds 0, 25, 50, … of its own resolved inquiries to a catalogue-only start.
 * Nothing of the held-out third shapes the model: in the `induced` regime the catalogue keeps
 * only its names and descriptions, and keywords are induced from the inquiries added so far.
 */
import { CatalogueKeywords, catalogueDocuments } from './catalogue';
import { rng, shuffle, stratifiedFolds } from './folds';
import { honestCatalogue } from './keyword-induction';
import { TrainingExample } from './model-schema';
import { Classifier } from './model-runtime';
import { trainModel } from './model-training';

export interface LearningCurvePoint {
  /** The municipality's own resolved inquiries in the training set. */
  inquiries: number;
  /** Mean department accuracy over the repeats, and its range. */
  accuracy: number;
  min: number;
  max: number;
  repeats: number;
}

export interface LearningCurveOptions {
  sizes?: number[];
  /** Random draws per size (default 3; the largest size that uses the whole pool runs once). */
  repeats?: number;
  seed?: number;
  /** `given`: the catalogue as written; `induced`: names and descriptions plus keywords induced from the training inquiries. */
  catalogueMode?: 'given' | 'induced';
  /** Labelled inquiries every point starts with besides the catalogue (the typical inquiries); never tested on. */
  start?: TrainingExample[];
  onProgress?: (msg: string) => void;
}

/** The catalogue's own texts as department examples: the only thing a model knows before any inquiry. */
function catalogueExamples(catalogue: CatalogueKeywords): TrainingExample[] {
  return catalogueDocuments(catalogue).map((d) => ({ text: d.text, department: d.department, type: 'information', firstContactResolvable: false, urgent: false }));
}

export function learningCurve(examples: TrainingExample[], catalogue: CatalogueKeywords, opts: LearningCurveOptions = {}): LearningCurvePoint[] {
  const sizes = opts.sizes ?? [0, 25, 50, 100, 200];
  const repeats = opts.repeats ?? 3;
  const seed = opts.seed ?? 42;
  const mode = opts.catalogueMode ?? 'induced';
  const fold = stratifiedFolds(
    examples.map((e) => e.department),
    3,
    seed,
  );
  const test = examples.filter((_, i) => fold[i] === 0);
  const pool = examples.filter((_, i) => fold[i] !== 0);
  const out: LearningCurvePoint[] = [];
  for (const size of sizes) {
    const n = Math.min(size, pool.length);
    const runs = n === 0 || n === pool.length ? 1 : repeats;
    const accs: number[] = [];
    for (let r = 0; r < runs; r++) {
      const own = [...(opts.start ?? []), ...shuffle([...pool], rng(seed * 1009 + size * 31 + r)).slice(0, n)];
      const cat = mode === 'induced' ? honestCatalogue(catalogue, own) : catalogue;
      // Before any inquiry of its own, the catalogue's texts are the whole training set (department only).
      const train = own.length >= 2 && new Set(own.map((e) => e.department)).size >= 2 ? own : [...own, ...catalogueExamples(cat)];
      // Catalogue texts carry topics, not the intents of real questions: no first-line head from them alone.
      const clf = Classifier.fromModel(trainModel(train, { catalogue: cat, seed: seed + r, catalogueAsTraining: train === own, topicIntent: train === own }));
      const correct = test.filter((e) => clf.classify({ subject: e.subject, body: e.text, language: e.language }).department === e.department).length;
      accs.push(correct / test.length);
    }
    const accuracy = accs.reduce((a, b) => a + b, 0) / accs.length;
    out.push({ inquiries: n, accuracy, min: Math.min(...accs), max: Math.max(...accs), repeats: runs });
    opts.onProgress?.(`learning curve (${mode}): ${n} inquiries → ${(100 * accuracy).toFixed(1)}%`);
  }
  return out;
}

export function formatLearningCurve(points: LearningCurvePoint[], title: string): string {
  const lines = [title];
  for (const p of points) {
    const bar = '#'.repeat(Math.round(p.accuracy * 40));
    const range = p.repeats > 1 ? ` (${(100 * p.min).toFixed(1)}–${(100 * p.max).toFixed(1)}, ${p.repeats} draws)` : '';
    lines.push(`    ${String(p.inquiries).padStart(4)} own inquiries: ${(100 * p.accuracy).toFixed(1).padStart(5)}% ${bar}${range}`);
  }
  return lines.join('\n');
}
