import { devDataPath, typicalInquiriesPath } from '@lotsen/config';
import { loadRoutingConfig, trainingDataPaths } from './routing.config';

describe('training data files', () => {
  it('are the dev inquiries and the typical inquiries unless ROUTING_TRAINING_DATA names others', () => {
    expect(trainingDataPaths({})).toEqual([devDataPath(), typicalInquiriesPath()]);
    expect(trainingDataPaths({ ROUTING_TRAINING_DATA: ' /a.jsonl, /b.jsonl ,' })).toEqual(['/a.jsonl', '/b.jsonl']);
    expect(trainingDataPaths({ ROUTING_TRAINING_DATA: '' })).toEqual([devDataPath(), typicalInquiriesPath()]);
  });

  it('pass the configuration check as a list of files', () => {
    expect(loadRoutingConfig({}).trainingDataPaths).toEqual([devDataPath(), typicalInquiriesPath()]);
    expect(loadRoutingConfig({ ROUTING_TRAINING_DATA: '/a.jsonl,/b.jsonl' }).trainingDataPaths).toEqual(['/a.jsonl', '/b.jsonl']);
  });
});
