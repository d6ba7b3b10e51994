import * as fs from 'fs';
import { loadDevExamples, TrainingExample, trainModel, Classifier, ModelData, CatalogueEntry } from '../classifier';
import type { Exec } from './model-store';

/** The tenant's catalogue as the classifier's keyword prior (categories with names and keywords). */
export async function catalogueOf(exec: Exec, tenantId: string): Promise<CatalogueEntry[]> {
  const rows = await exec(
    `SELECT c.code, c.department, c.name, c.description, c.keywords, c.fault_report,
       (SELECT a.first_line FROM routing.agreements a WHERE a.tenant_id = c.tenant_id AND a.category = c.code ORDER BY a.version DESC LIMIT 1) AS first_line
     FROM routing.categories c WHERE c.tenant_id = $1 AND c.active`,
    [tenantId],
  );
  return rows.map((r) => ({
    code: r.code, department: r.department, keywords: r.keywords ?? {}, name: r.name, description: r.description,
    faultReport: r.fault_report, firstLine: !!r.first_line,
  }));
}

/** The labelled examples of every file that exists, in order. */
export function labelledExamples(files: string[]): TrainingExample[] {
  return files.filter((f) => fs.existsSync(f)).flatMap((f) => loadDevExamples(f));
}

export class TrainingError extends Error {}

/** Trains and proves the model loads and classifies before anyone stores it. */
export function trainChecked(examples: TrainingExample[], catalogue: CatalogueEntry[], onProgress?: (m: string) => void): ModelData {
  if (examples.length === 0) throw new TrainingError('The training set is empty: no labelled examples and no resolved inquiries.');
  let model: ModelData;
  try {
    model = trainModel(examples, { catalogue, seed: 42, onProgress });
  } catch (err) {
    throw new TrainingError(`Training failed: ${(err as Error).message}`);
  }
  checkModel(model);
  return model;
}

/** Throws TrainingError unless `data` is a model that loads and classifies. */
export function checkModel(data: unknown): Classifier {
  try {
    const clf = Classifier.fromModel(data as ModelData);
    clf.classify({ subject: 'test', body: 'Gatlampan är trasig' });
    return clf;
  } catch (err) {
    throw new TrainingError(`The model is not usable: ${(err as Error).message}`);
  }
}
