import { Agreement } from '../catalogue/agreement';
import { decide, DecisionInput } from './decision';

const classification = (o: Partial<NonNullable<DecisionInput['classification']>> = {}): NonNullable<DecisionInput['classification']> => ({
  department: 'kultur_fritid', category: 'library', type: 'information', firstContactResolvable: true, urgent: false, language: 'sv',
  confidence: 0.9, typeConfidence: 0.8, firstContactResolvableProbability: 0.8, urgentProbability: 0.01,
  explanation: [{ feature: 'keyword:bibliotek (library)', weight: 2 }], alternatives: [], modelVersion: 4, ...o,
} as NonNullable<DecisionInput['classification']>);
const library: Agreement = { category: 'library', version: 2, firstLine: true, department: 'kultur_fritid', slaFirstResponseHours: 8, slaResolutionHours: 40, priority: 5 };
const lights: Agreement = { category: 'street_lighting', version: 1, firstLine: false, department: 'gata_park', slaFirstResponseHours: 8, slaResolutionHours: 80, priority: 3 };
const base = { threshold: 0.5, defaults: { firstResponseHours: 8, resolutionHours: 80 } };

describe('routing decision', () => {
  it('keeps a first-line question the contact center can answer at once', () => {
    const d = decide({ ...base, classification: classification(), agreement: library });
    expect(d).toMatchObject({ department: 'kontaktcenter', queue: 'first_line', category: 'library', topicDepartment: 'kultur_fritid', agreementVersion: 2, priority: 5 });
    expect(d.slaHours).toEqual({ first_response: 8, resolution: 40 });
    expect(d.reasons.join(' | ')).toMatch(/classified as kultur_fritid.*agreement v2/);
  });

  it('sends a first-line category to the department when it is not resolvable at first contact', () => {
    const d = decide({ ...base, classification: classification({ firstContactResolvable: false, type: 'complaint' }), agreement: library });
    expect(d).toMatchObject({ department: 'kultur_fritid', queue: 'department' });
  });

  it('sends department work to the agreement’s department; urgent gets priority 1', () => {
    const d = decide({ ...base, classification: classification({ department: 'gata_park', category: 'street_lighting', urgent: true, firstContactResolvable: false }), agreement: lights });
    expect(d).toMatchObject({ department: 'gata_park', queue: 'department', priority: 1, urgent: true });
    expect(d.reasons.some((r) => r.startsWith('urgent'))).toBe(true);
  });

  it('triages below the confidence threshold and without a model', () => {
    expect(decide({ ...base, classification: classification({ confidence: 0.3 }), agreement: library })).toMatchObject({ department: 'triage', queue: 'triage', agreementVersion: null });
    expect(decide({ ...base })).toMatchObject({ department: 'triage', queue: 'triage' });
  });

  it('trusts a category given by the channel over the classifier', () => {
    const d = decide({ ...base, classification: classification({ confidence: 0.2 }), givenCategory: { code: 'street_lighting', department: 'gata_park' }, agreement: lights, givenType: 'fault_report' });
    expect(d).toMatchObject({ department: 'gata_park', queue: 'department', category: 'street_lighting', type: 'fault_report', confidence: 1 });
  });

  it('answers contact-center questions at first line, and falls back to defaults without an agreement', () => {
    expect(decide({ ...base, classification: classification({ department: 'kontaktcenter', category: null }) })).toMatchObject({ department: 'kontaktcenter', queue: 'first_line', priority: 3 });
    const d = decide({ ...base, classification: classification({ department: 'miljo', category: null, firstContactResolvable: false }) });
    expect(d).toMatchObject({ department: 'miljo', queue: 'department', agreementVersion: null, slaHours: { first_response: 8, resolution: 80 } });
  });
});
