import { existsSync } from 'fs';
import { dirname, join, resolve } from 'path';

const FILE = 'inquiries-dev.jsonl';

/** The repository root: the nearest folder above this file with package.json and apps/ (from src or dist). */
function repoRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'apps'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

/**
 * The labelled dev inquiries (classifier training, tests, demo): the project's shared copy
 * beside the repository (`../shared/data`) when it is there, else the copy in `data/`, so a
 * clone anywhere (or a container) has them too.
 */
export function devDataPath(): string {
  const root = repoRoot();
  const shared = resolve(root, '..', 'shared', 'data', FILE);
  return existsSync(shared) ? shared : resolve(root, 'data', FILE);
}

/**
 * Typical inquiries for the demo catalogue, about a hundred per department in sv/en/ar/fi, labelled
 * like the dev data: training data a municipality starts with before it has resolved any.
 */
export function typicalInquiriesPath(): string {
  return resolve(repoRoot(), 'data', 'typical-inquiries.jsonl');
}

/**
 * Labelled inquiries written apart from the dev data and the typical inquiries and never trained
 * on: the measure of how the classifier does on inquiries it has not seen.
 */
export function heldOutInquiriesPath(): string {
  return resolve(repoRoot(), 'data', 'inquiries-held-out.jsonl');
}
