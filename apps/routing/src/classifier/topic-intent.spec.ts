import { categories } from '@lotsen/demo-municipality';
import { Classifier, ModelData, defaultDevDataPath, loadDevExamples, trainModel } from './index';
import { triageThreshold } from './model-training';
import { mixFirstLine } from './topic-intent';

describe('topic and intent', () => {
  // two calibration folds keep this short; what is checked here does not depend on their number
  const model = trainModel(loadDevExamples(defaultDevDataPath()), { catalogue: categories, calibrationFolds: 2 });
  const clf = Classifier.fromModel(JSON.parse(JSON.stringify(model)));

  it('mixes the first-line intent into the topic probabilities', () => {
    const p = mixFirstLine([0.7, 0.2, 0.1], 0.5, 2);
    expect(Array.from(p).map((v) => Math.round(v * 1000) / 1000)).toEqual([0.35, 0.1, 0.55]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('trains a first-line head beside the topic head when the first line has inquiries of its own', () => {
    expect(model.firstLineDepartment).toBe('kontaktcenter');
    expect(model.heads.firstLine?.labels).toEqual(['false', 'true']);
    expect(model.heads.firstLine?.calibration.stack).toHaveLength(model.heads.department.labels.length);
    const trained = trainModel(loadDevExamples(defaultDevDataPath()).slice(0, 120), { catalogue: categories, topicIntent: false, calibrationFolds: 0 });
    expect(trained.heads.firstLine).toBeUndefined();
  });

  it('answers a general information question at the first line, and explains it by what made it one', () => {
    const r = clf.classify({ body: 'Hej, vilka öppettider har stadshuset på lördagar?' });
    expect(r.department).toBe('kontaktcenter');
    expect(r.explanation.length).toBeGreaterThan(0);
    const fault = clf.classify({ body: 'Gatlampan utanför Storgatan 12 har varit släckt i en vecka.' });
    expect(fault.department).toBe('gata_park');
    expect(fault.explanation.map((e) => e.feature).join(' ')).toMatch(/gatlamp/);
  });

  it('still loads a model stored before topic and intent (and stems) existed', () => {
    const old = JSON.parse(JSON.stringify(model)) as ModelData;
    delete old.heads.firstLine;
    delete old.firstLineDepartment;
    delete old.features.config.groupWeight.s;
    delete old.thresholds.triage;
    const r = Classifier.fromModel(old).classify({ body: 'Gatlampan är släckt på Parkvägen' });
    expect(r.department).toBe('gata_park');
    const broken = JSON.parse(JSON.stringify(model)) as ModelData;
    broken.firstLineDepartment = 'nowhere';
    expect(() => Classifier.fromModel(broken)).toThrow(/firstLineDepartment/);
  });

  it('chooses the triage threshold from held-out answers: the lowest confidence from which 95% were right', () => {
    const held = [
      ...Array.from({ length: 20 }, (_, i) => ({ confidence: 0.95, right: i < 19 })),
      ...Array.from({ length: 10 }, (_, i) => ({ confidence: 0.62, right: i < 8 })),
      ...Array.from({ length: 10 }, () => ({ confidence: 0.4, right: false })),
    ];
    // from 0.4: 27/40 right; from 0.45 to 0.6: 27/30; from 0.65: 19/20
    expect(triageThreshold(held)).toBe(0.65);
    expect(triageThreshold(held.map((h) => ({ ...h, right: false })))).toBe(0.95);
    expect(model.thresholds.triage).toBeGreaterThanOrEqual(0.3);
    expect(model.thresholds.triage).toBeLessThanOrEqual(0.95);
  });
});
