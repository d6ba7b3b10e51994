import { Principal } from '@lotsen/platform';
import { CONTACT_CENTER, inquiryAccess, unitsReadableInFull } from './need-to-know';

describe('the units a caller reads in full', () => {
  const units = [CONTACT_CENTER, 'gata_park', 'socialtjanst', 'bygglov'];
  const callers: Principal[] = [];
  for (const role of ['agent', 'supervisor', 'department', 'admin', 'auditor', 'registrar']) {
    for (const departments of [[], ['gata_park'], ['gata_park', 'socialtjanst']]) {
      for (const clearances of [[], ['socialtjanst'], ['bygglov', 'gata_park']]) {
        callers.push({ keyId: 'k', tenantId: 't', kind: 'person', subjectId: 's', role, roles: [role], departments, clearances });
        callers.push({ keyId: 'k', tenantId: 't', kind: 'person', subjectId: 's', role, roles: [role, 'agent'], departments, clearances });
      }
    }
  }
  callers.push({ keyId: 'k', tenantId: 't', kind: 'system', role: 'department', subjectId: 'gata_park' });
  callers.push({ keyId: 'k', tenantId: 't', kind: 'system', channel: 'web' });

  it.each(callers.map((c) => [JSON.stringify(c), c]))('are exactly those inquiryAccess opens without a reason: %s', (_name, caller) => {
    const c = caller as Principal;
    for (const unit of units) {
      for (const sensitive of [false, true]) {
        const department = unit === CONTACT_CENTER ? null : unit;
        const full = inquiryAccess(c, { tenantId: 't', department, sensitive }).full;
        expect({ unit, sensitive, listed: unitsReadableInFull(c).includes(unit) }).toEqual({ unit, sensitive, listed: full });
      }
    }
  });
});
