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
