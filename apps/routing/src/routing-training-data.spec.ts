import { devDataPath, typicalInquiriesPath } from '@lotsen/config';
import { trainingDataPaths } from './routing.config';

describe('training data files', () => {
  it('are the dev inquiries and the typical inquiries unless ROUTING_TRAINING_DATA names others', () => {
    expect(trainingDataPaths({})).toEqual([devDataPath(), typicalInquiriesPath()]);
    expect(trainingDataPaths({ ROUTING_TRAINING_DATA: ' /a.jsonl, /b.jsonl ,' })).toEqual(['/a.jsonl', '/b.jsonl']);
    expect(trainingDataPaths({ ROUTING_TRAINING_DATA: '' })).toEqual([devDataPath(), typicalInquiriesPath()]);
  });
});
