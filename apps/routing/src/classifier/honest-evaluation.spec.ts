import { categories } from '@lotsen/demo-municipality';
import { stratifiedFolds } from './folds';
import { Classifier, crossValidate, defaultDevDataPath, evaluateHeldOut, formatLearningCurve, formatReport, honestCatalogue, learningCurve, loadDevExamples, trainModel, TrainingExample } from './index';

// A slice of the dev data keeps these runs short: the figures themselves come from `npm run train`.
const all = loadDevExamples(defaultDevDataPath());
const byDept = new Map<string, TrainingExample[]>();
for (const e of all) byDept.set(e.department, [...(byDept.get(e.department) ?? []), e]);
const sample = [...byDept.values()].flatMap((list) => list.slice(0, 9));

describe('honest evaluation', () => {
  it('builds each fold’s catalogue from that fold’s training inquiries only, and reports languages, trap items and confident mistakes', () => {
    const seen: TrainingExample[][] = [];
    const r = crossValidate(sample, 3, 7, { catalogueFor: (train) => (seen.push(train), honestCatalogue(categories, train)), train: { calibrationFolds: 2 } });
    const fold = stratifiedFolds(sample.map((e) => e.department), 3, 7);
    expect(seen).toHaveLength(3);
    seen.forEach((train, f) => {
      const test = sample.filter((_, i) => fold[i] === f);
      expect(train).toHaveLength(sample.length - test.length);
      for (const t of test) expect(train).not.toContain(t);
    });
    expect(r.catalogueMode).toBe('per fold');
    expect(Object.keys(r.perLanguage).sort()).toEqual(expect.arrayContaining(['en', 'sv']));
    expect(r.trap?.examples).toBe(sample.filter((e) => e.trap).length);
    expect(r.calibration.wrongAbove90).toBeGreaterThanOrEqual(0);
    const text = formatReport(r);
    expect(text).toMatch(/keywords induced from the training folds/);
    expect(text).toMatch(/reliability diagram/);
    expect(text).toMatch(/trap items/);
  }, 60000);

  it('draws a learning curve from a catalogue-only start', () => {
    const points = learningCurve(sample, categories, { sizes: [0, 30], repeats: 1, catalogueMode: 'induced' });
    expect(points.map((p) => p.inquiries)).toEqual([0, 30]);
    // the catalogue's names and descriptions alone already beat a guess among 11 departments
    expect(points[0].accuracy).toBeGreaterThan(1 / 11);
    expect(formatLearningCurve(points, 'curve')).toMatch(/30 own inquiries/);
  }, 60000);

  it('adds extra examples to every training fold and never tests on them', () => {
    const extra = all.filter((e) => !sample.includes(e)).slice(0, 20);
    const sizes: number[] = [];
    const r = crossValidate(sample, 3, 7, { catalogueFor: (train) => (sizes.push(train.length), honestCatalogue(categories, train)), extraTraining: extra, train: { calibrationFolds: 2 } });
    expect(r.examples).toBe(sample.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2 * sample.length + 3 * extra.length);
    expect(r.mistakes.every((m) => m.index < sample.length)).toBe(true);
  }, 60000);

  it('measures one trained model on a held-out set with the figures of the cross-validation', () => {
    const heldOut = all.filter((e) => !sample.includes(e)).slice(0, 40);
    const clf = Classifier.fromModel(trainModel(sample, { catalogue: categories, seed: 1, calibrationFolds: 2 }));
    const r = evaluateHeldOut(clf, heldOut);
    const right = heldOut.filter((e) => clf.classify({ subject: e.subject, body: e.text, language: e.language }).department === e.department).length;
    expect(r.examples).toBe(40);
    expect(r.department.accuracy).toBeCloseTo(right / 40, 10);
    expect(r.mistakes).toHaveLength(40 - right);
    expect(r.perLanguage.sv.examples).toBe(heldOut.filter((e) => e.language === 'sv').length);
    expect(formatReport(r)).toMatch(/^held-out set of 40 examples/);
  }, 60000);
});
