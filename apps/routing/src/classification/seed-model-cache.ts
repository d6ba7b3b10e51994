import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { MODEL_VERSION, ModelData } from '../classifier';

/** JSON with object keys sorted, so equal inputs give equal digests whatever their key order (jsonb reorders keys). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The model `train` makes from `inputs`, kept in `dir` under a digest of them (and of the model
 * format). The demo seed trains the same model for every fresh database (45–60 s for the 1,325
 * training examples on two cores); the test run points ROUTING_SEED_MODEL_CACHE at one directory per run,
 * so it is trained once. The digest does not cover the training code: a directory outlives no
 * change of it. Without `dir`, this is `train()`.
 */
export function cachedModel(dir: string | undefined, inputs: unknown, train: () => ModelData): ModelData {
  if (!dir) return train();
  const file = path.join(dir, `${createHash('sha256').update(`${MODEL_VERSION}\n${canonical(inputs)}`).digest('hex')}.json`);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as ModelData;
  const model = train();
  fs.mkdirSync(dir, { recursive: true });
  // Written whole, then renamed: a reader never sees half a model.
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, JSON.stringify(model));
  fs.renameSync(partial, file);
  return model;
}
