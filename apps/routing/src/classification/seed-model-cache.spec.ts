import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cachedModel } from './seed-model-cache';
import type { ModelData } from '../classifier';

describe('the seed model cache', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-model-cache-spec-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const model = (tag: string) => ({ tag }) as unknown as ModelData;

  it('trains once per set of inputs, whatever their key order, and loads it after', () => {
    const train = jest.fn(() => model('first'));
    expect(cachedModel(dir, { examples: [{ a: 1, b: 2 }], catalogue: [] }, train)).toEqual(model('first'));
    expect(cachedModel(dir, { catalogue: [], examples: [{ b: 2, a: 1 }] }, train)).toEqual(model('first'));
    expect(train).toHaveBeenCalledTimes(1);
    expect(cachedModel(dir, { examples: [{ a: 1, b: 3 }], catalogue: [] }, () => model('second'))).toEqual(model('second'));
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(2);
    expect(fs.readdirSync(dir).some((f) => f.endsWith('.partial'))).toBe(false);
  });

  it('trains every time without a directory', () => {
    const train = jest.fn(() => model('x'));
    cachedModel(undefined, { examples: [] }, train);
    cachedModel(undefined, { examples: [] }, train);
    expect(train).toHaveBeenCalledTimes(2);
  });
});
