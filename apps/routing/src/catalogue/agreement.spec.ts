import { Agreement, AgreementError, AgreementTerms, nextAgreementVersion } from './agreement';

const base: AgreementTerms = { firstLine: false, department: 'gata_park', slaFirstResponseHours: 8, slaResolutionHours: 80, priority: 3 };

describe('agreement versioning', () => {
  it('creates version 1 from the defaults and the change', () => {
    const r = nextAgreementVersion('street_lighting', undefined, { priority: 2 }, base, { changedBy: 'demo-admin' });
    expect(r.changed).toBe(true);
    expect(r.agreement).toMatchObject({ category: 'street_lighting', version: 1, priority: 2, department: 'gata_park', changedBy: 'demo-admin' });
  });

  it('makes a new version for a change, keeping the untouched terms', () => {
    const v1: Agreement = { ...base, category: 'street_lighting', version: 1 };
    const r = nextAgreementVersion('street_lighting', v1, { firstLine: true, slaFirstResponseHours: 4 }, base);
    expect(r.agreement).toMatchObject({ version: 2, firstLine: true, slaFirstResponseHours: 4, slaResolutionHours: 80, priority: 3 });
    expect(v1.version).toBe(1); // the old version is untouched: decisions made under it keep it
  });

  it('makes no version when nothing changes', () => {
    const v3: Agreement = { ...base, category: 'street_lighting', version: 3 };
    const r = nextAgreementVersion('street_lighting', v3, { priority: 3, department: 'gata_park' }, base);
    expect(r).toEqual({ agreement: v3, changed: false });
  });

  it('refuses impossible terms', () => {
    const v1: Agreement = { ...base, category: 'x', version: 1 };
    expect(() => nextAgreementVersion('x', v1, { priority: 0 }, base)).toThrow(AgreementError);
    expect(() => nextAgreementVersion('x', v1, { slaResolutionHours: 2, slaFirstResponseHours: 4 }, base)).toThrow(/shorter/);
    expect(() => nextAgreementVersion('x', v1, { slaFirstResponseHours: 0 }, base)).toThrow(AgreementError);
  });
});
