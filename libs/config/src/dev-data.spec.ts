import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';
import { devDataPath } from './dev-data';

describe('the labelled dev inquiries', () => {
  const copy = resolve(__dirname, '../../../data/inquiries-dev.jsonl');

  it('are found: the shared copy beside the repository, else the one in data/', () => {
    expect(existsSync(devDataPath())).toBe(true);
    expect(readFileSync(devDataPath(), 'utf8').trim().split('\n')).toHaveLength(300);
  });

  it('in data/ are the same as the shared copy when that is there (no drift)', () => {
    const shared = resolve(__dirname, '../../../../shared/data/inquiries-dev.jsonl');
    const expected = existsSync(shared) ? readFileSync(shared, 'utf8') : readFileSync(devDataPath(), 'utf8');
    expect(readFileSync(copy, 'utf8')).toBe(expected);
  });
});
