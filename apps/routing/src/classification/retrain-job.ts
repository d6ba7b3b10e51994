/**
 * One retraining, as it runs inside the training worker: train a candidate, prove it loads,
 * and measure it and the active model on the same held-out slice of recent inquiries. Model
 * JSON crosses the thread boundary as a string, so the service's event loop never parses or
 * serialises megabytes of weights.
 */
import { CatalogueEntry, Classifier, ModelData, TrainingExample } from '../classifier';
import { evaluateOn, HeldOutEvaluation } from './model-comparison';
import { checkModel, trainChecked } from './training-set';

export interface RetrainJob {
  examples: TrainingExample[];
  catalogue: CatalogueEntry[];
  /** Recent inquiries neither model was trained on (empty: no comparison). */
  heldOut: TrainingExample[];
  /** The active model's JSON, to measure on the same slice (null: none, or no comparison). */
  activeModelJson: string | null;
}

export type RetrainResult =
  | { ok: true; modelJson: string; examples: number; heldOutDepartmentAccuracy: number | null; triageThreshold: number | null; before: HeldOutEvaluation | null; after: HeldOutEvaluation | null }
  | { ok: false; error: string };

export function runRetrainJob(job: RetrainJob): RetrainResult {
  try {
    const model: ModelData = trainChecked(job.examples, job.catalogue);
    const candidate = checkModel(model);
    const after = job.heldOut.length ? evaluateOn(candidate, job.heldOut) : null;
    let before: HeldOutEvaluation | null = null;
    if (after && job.activeModelJson) {
      try {
        before = evaluateOn(Classifier.fromModel(JSON.parse(job.activeModelJson) as ModelData), job.heldOut);
      } catch {
        before = null; // an active model that no longer loads is no bar to clear
      }
    }
    return {
      ok: true, modelJson: JSON.stringify(model), examples: model.training.examples, heldOutDepartmentAccuracy: model.training.heldOutDepartmentAccuracy,
      triageThreshold: model.thresholds.triage ?? null, before, after,
    };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
