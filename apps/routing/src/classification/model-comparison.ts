/** A model measured on a held-out slice of the municipality's recent inquiries, and what changed between two. */
import type { Classifier, TrainingExample } from '../classifier';

export interface Confusion {
  actual: string;
  predicted: string;
  count: number;
}

export interface HeldOutEvaluation {
  examples: number;
  /** Department accuracy on the slice. */
  accuracy: number;
  perDepartment: Record<string, { examples: number; accuracy: number }>;
  confusions: Confusion[];
}

export function evaluateOn(clf: Classifier, slice: readonly TrainingExample[]): HeldOutEvaluation {
  const per = new Map<string, { examples: number; correct: number }>();
  const confusions = new Map<string, Confusion>();
  let correct = 0;
  for (const e of slice) {
    const predicted = clf.classify({ subject: e.subject, body: e.text, language: e.language }).department;
    const d = per.get(e.department) ?? { examples: 0, correct: 0 };
    d.examples++;
    if (predicted === e.department) {
      d.correct++;
      correct++;
    } else {
      const key = `${e.department}\u0000${predicted}`;
      const c = confusions.get(key) ?? { actual: e.department, predicted, count: 0 };
      c.count++;
      confusions.set(key, c);
    }
    per.set(e.department, d);
  }
  return {
    examples: slice.length,
    accuracy: slice.length ? correct / slice.length : 0,
    perDepartment: Object.fromEntries([...per.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, { examples: v.examples, accuracy: v.correct / v.examples }])),
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count || a.actual.localeCompare(b.actual) || a.predicted.localeCompare(b.predicted)),
  };
}

export interface ModelChanges {
  heldOut: number;
  accuracyBefore: number | null;
  accuracyAfter: number;
  /** Per confusion (actual → predicted): how often before and after, only where it changed. */
  confusions: { actual: string; predicted: string; before: number; after: number }[];
  /** Departments whose accuracy on the slice changed. */
  departments: { department: string; before: number | null; after: number; examples: number }[];
}

export function compareEvaluations(before: HeldOutEvaluation | null, after: HeldOutEvaluation): ModelChanges {
  const keys = new Map<string, { actual: string; predicted: string; before: number; after: number }>();
  for (const c of before?.confusions ?? []) keys.set(`${c.actual}\u0000${c.predicted}`, { actual: c.actual, predicted: c.predicted, before: c.count, after: 0 });
  for (const c of after.confusions) {
    const k = `${c.actual}\u0000${c.predicted}`;
    keys.set(k, { ...(keys.get(k) ?? { actual: c.actual, predicted: c.predicted, before: 0 }), after: c.count });
  }
  const departments = Object.entries(after.perDepartment)
    .map(([department, a]) => ({ department, before: before?.perDepartment[department]?.accuracy ?? null, after: a.accuracy, examples: a.examples }))
    .filter((d) => d.before !== d.after);
  return {
    heldOut: after.examples,
    accuracyBefore: before ? before.accuracy : null,
    accuracyAfter: after.accuracy,
    confusions: [...keys.values()].filter((c) => c.before !== c.after).sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before)),
    departments,
  };
}
