import { categories } from '@lotsen/demo-municipality';
import { Classifier, ModelData, TrainingExample, defaultDevDataPath, loadDevExamples, trainModel } from './index';

const examples = loadDevExamples(defaultDevDataPath());

const ex = (department: string, text: string, extra: Partial<TrainingExample> = {}): TrainingExample => ({
  text,
  department,
  type: 'information',
  firstContactResolvable: false,
  urgent: false,
  ...extra,
});

describe('loadDevExamples', () => {
  it('reads the 300 labelled dev inquiries', () => {
    expect(examples).toHaveLength(300);
    expect(new Set(examples.map((e) => e.department)).size).toBe(11);
    expect(examples[0]).toEqual(expect.objectContaining({ text: expect.any(String), department: expect.any(String), firstContactResolvable: expect.any(Boolean) }));
  });
});

describe('trainModel: bad training sets fail with a clear error', () => {
  it('rejects an empty training set', () => {
    expect(() => trainModel([])).toThrow(/training set is empty/);
  });

  it('rejects a training set with only one department', () => {
    expect(() => trainModel([ex('gata_park', 'Gatlampan är trasig'), ex('gata_park', 'Potthål på Storgatan')])).toThrow(/only one department/);
  });

  it('rejects examples whose texts are all empty', () => {
    expect(() => trainModel([ex('gata_park', ''), ex('miljo', '   ')])).toThrow(/empty text/);
  });

  it('rejects malformed examples', () => {
    expect(() => trainModel([ex('gata_park', 'a'), { text: 'b' } as unknown as TrainingExample])).toThrow(/example 1 has no department/);
    expect(() => trainModel([ex('gata_park', 'a', { urgent: 'yes' as unknown as boolean }), ex('miljo', 'b')])).toThrow(/urgent must be a boolean/);
    expect(() => trainModel('nope' as unknown as TrainingExample[])).toThrow(/must be an array/);
  });

  it('trains on a tiny set without calibration folds', () => {
    const model = trainModel([ex('gata_park', 'Gatlampan är trasig'), ex('miljo', 'Grannen eldar sopor och röken går in')]);
    const c = Classifier.fromModel(model).classify({ body: 'trasig gatlampa' });
    expect(c.department).toBe('gata_park');
  });
});

describe('Classifier on the dev data', () => {
  let model: ModelData;
  let clf: Classifier;
  beforeAll(() => {
    model = trainModel(examples, { catalogue: categories, seed: 7 });
    clf = Classifier.fromModel(model);
  });

  it('survives JSON.stringify/parse with identical predictions', () => {
    const copy = Classifier.fromModel(JSON.parse(JSON.stringify(model)) as ModelData);
    const probes = [
      ...examples.slice(0, 60).map((e) => ({ subject: e.subject, body: e.text })),
      { body: 'Det luktar avlopp i källaren och vattnet står på golvet' },
      { subject: 'Bygglov', body: 'Behöver jag bygglov för en friggebod?' },
      { body: 'هل المكتبة مفتوحة يوم السبت؟' },
      { body: 'Milloin uimahalli aukeaa?' },
    ];
    for (const p of probes) expect(copy.classify(p)).toEqual(clf.classify(p));
  });

  it('answers with calibrated probabilities that sum up sensibly', () => {
    const c = clf.classify({ subject: 'Potthål', body: 'Ett djupt potthål på Järnagatan, min cykel fick punktering.' });
    expect(c.department).toBe('gata_park');
    expect(c.type).toBe('fault_report');
    expect(c.confidence).toBeGreaterThan(0.5);
    expect(c.confidence).toBeLessThanOrEqual(1);
    const total = c.confidence + c.alternatives.reduce((s, a) => s + a.confidence, 0);
    expect(total).toBeLessThanOrEqual(1 + 1e-9);
    expect(c.alternatives).toHaveLength(3);
    expect(c.alternatives[0].confidence).toBeLessThanOrEqual(c.confidence);
  });

  it('explains the department with the words, phrases and keywords that decided it', () => {
    const c = clf.classify({ subject: 'Gatlampa släckt', body: 'Gatlampan utanför Storgatan 12 har varit släckt i en vecka.' });
    expect(c.department).toBe('gata_park');
    expect(c.category).toBe('street_lighting');
    expect(c.explanation.length).toBeGreaterThan(0);
    expect(c.explanation.length).toBeLessThanOrEqual(8);
    for (const e of c.explanation) {
      expect(e.feature).toMatch(/^(word|phrase|cue|keyword):/);
      expect(e.weight).toBeGreaterThan(0);
    }
    const weights = c.explanation.map((e) => e.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    const names = c.explanation.map((e) => e.feature);
    expect(names.some((n) => /^keyword:.*\(street_lighting\)$/.test(n))).toBe(true);
    expect(names.some((n) => /^word:(gatlampa|gatlampan|släckt)$/.test(n))).toBe(true);
  });

  it('uses the given language, otherwise detects it', () => {
    expect(clf.classify({ body: 'Gatlampan är trasig', language: 'sv-SE' }).language).toBe('sv');
    expect(clf.classify({ body: 'The street light outside my house is broken' }).language).toBe('en');
    expect(clf.classify({ body: 'مصباح الشارع أمام بيتي لا يعمل' }).language).toBe('ar');
    expect(clf.classify({ body: 'Katuvalo ei toimi talomme edessä' }).language).toBe('fi');
  });

  it('flags urgent cases and first-contact-resolvable questions', () => {
    const urgent = clf.classify({ body: 'Dotter ringer: hennes mamma har inte fått något besök av hemtjänsten idag, ingen har kommit med insulin.' });
    expect(urgent.department).toBe('omsorg');
    expect(urgent.urgent).toBe(true);
    const simple = clf.classify({ body: 'Vilka öppettider har stadshuset på lördagar?' });
    expect(simple.department).toBe('kontaktcenter');
    expect(simple.firstContactResolvable).toBe(true);
  });

  it('lets a municipality steer it with catalogue keywords, without retraining', () => {
    const text = { body: 'Frågor om zxqvarp-tjänsten.' };
    const before = clf.classify(text);
    const steered = clf.withCatalogue([...categories, { code: 'zxqvarp', department: 'miljo', keywords: { sv: ['zxqvarp'] } }]);
    const after = steered.classify(text);
    expect(after.department).toBe('miljo');
    expect(after.category).toBe('zxqvarp');
    expect(after.confidence).toBeGreaterThan(before.department === 'miljo' ? before.confidence : 0);
    expect(after.explanation.map((e) => e.feature)).toContain('keyword:zxqvarp (zxqvarp)');
  });

  it('rejects bad input to classify', () => {
    expect(() => clf.classify(undefined as never)).toThrow(TypeError);
    expect(() => clf.classify({ body: 42 } as never)).toThrow(/body must be a string/);
    expect(clf.classify({ body: '' }).department).toEqual(expect.any(String));
  });
});

describe('Classifier.fromModel: malformed models fail with a clear error', () => {
  let model: ModelData;
  beforeAll(() => {
    model = trainModel(examples.slice(0, 120), { seed: 1, calibrationFolds: 0 });
  });
  const broken = (mutate: (m: ModelData) => void): ModelData => {
    const copy = JSON.parse(JSON.stringify(model)) as ModelData;
    mutate(copy);
    return copy;
  };

  it('accepts the intact model', () => {
    expect(() => Classifier.fromModel(model)).not.toThrow();
  });

  it.each([
    ['not an object', () => null as unknown as ModelData, /not an object/],
    ['wrong version', () => broken((m) => (m.version = 99)), /unsupported version 99/],
    ['missing heads', () => broken((m) => delete (m as Partial<ModelData>).heads), /heads missing/],
    ['weights of the wrong size', () => broken((m) => m.heads.department.weights.pop()), /head department: weights/],
    ['non-finite weight', () => broken((m) => (m.heads.type.weights[0] = NaN)), /head type: weights/],
    ['idf missing', () => broken((m) => ((m.features as { idf?: number[] }).idf = undefined)), /features.idf/],
    ['bad calibration', () => broken((m) => (m.heads.department.calibration.scale = -1)), /calibration.scale/],
    ['binary head with other labels', () => broken((m) => (m.heads.urgent.labels = ['no', 'yes'])), /"false"\/"true"/],
  ])('rejects %s', (_name, make, message) => {
    expect(() => Classifier.fromModel(make())).toThrow(message);
    expect(() => Classifier.fromModel(make())).toThrow(/Classifier.fromModel: malformed model/);
  });
});

describe('solvers', () => {
  it('the primal solver (large training sets) gives the same model as the dual one', () => {
    const subset = examples.filter((_, i) => i % 3 === 0);
    const dual = Classifier.fromModel(trainModel(subset, { seed: 3, calibrationFolds: 0 }));
    const primal = Classifier.fromModel(trainModel(subset, { seed: 3, calibrationFolds: 0, dualMaxDocuments: 0 }));
    for (const e of examples.slice(0, 40)) {
      const a = dual.classify({ subject: e.subject, body: e.text, language: e.language });
      const b = primal.classify({ subject: e.subject, body: e.text, language: e.language });
      expect(b.department).toBe(a.department);
      expect(b.type).toBe(a.type);
      expect(Math.abs(b.confidence - a.confidence)).toBeLessThan(1e-3);
    }
  });
});
