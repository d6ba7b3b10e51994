import { categories, demoTenant, departments } from '@lotsen/demo-municipality';
import { CatalogueIndex, catalogueDocuments, storeCatalogue } from './catalogue';
import { tokenize } from './normalize';

const DEPARTMENTS = [
  'kontaktcenter', 'gata_park', 'vatten_avfall', 'miljo', 'omsorg', 'utbildning',
  'kultur_fritid', 'samhallsbyggnad', 'socialtjanst', 'overformyndare', 'arbete_naringsliv',
];

describe('demo municipality catalogue (libs/demo-municipality/src/municipality.ts)', () => {
  it('describes the demo tenant', () => {
    expect(demoTenant).toEqual({ id: 'demo', name: 'Demo kommun', referencePrefix: 'KC', jurisdictionId: 'demo.lotsen.se', timezone: 'Europe/Stockholm' });
  });

  it('has exactly the 11 departments of the data, named in four languages', () => {
    expect(departments.map((d) => d.code).sort()).toEqual([...DEPARTMENTS].sort());
    for (const d of departments) {
      for (const l of ['sv', 'en', 'ar', 'fi'] as const) expect(d.name[l].trim()).not.toBe('');
      expect(d.email).toMatch(/^[a-z.]+@demo\.lotsen\.se$/);
    }
  });

  it('has 2–5 categories per department with unique, URL-safe lower_snake codes', () => {
    const codes = categories.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    for (const d of DEPARTMENTS) {
      const n = categories.filter((c) => c.department === d).length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(5);
    }
  });

  it('gives every category names, descriptions, keywords in all four languages and sane SLAs', () => {
    for (const c of categories) {
      for (const l of ['sv', 'en', 'ar', 'fi'] as const) {
        expect(c.name[l].trim()).not.toBe('');
        expect(c.keywords[l].length).toBeGreaterThan(0);
        for (const k of c.keywords[l]) expect(k.trim()).toBe(k);
      }
      expect(c.description.sv.length).toBeGreaterThan(10);
      expect(c.description.en.length).toBeGreaterThan(10);
      expect(c.priority).toBeGreaterThanOrEqual(1);
      expect(c.priority).toBeLessThanOrEqual(5);
      expect(c.slaFirstResponseHours).toBeGreaterThan(0);
      expect(c.slaResolutionHours).toBeGreaterThanOrEqual(c.slaFirstResponseHours);
      expect(c.group.trim()).not.toBe('');
    }
    expect(categories.some((c) => c.faultReport)).toBe(true);
    expect(categories.filter((c) => c.department === 'kontaktcenter').every((c) => c.firstLine)).toBe(true);
  });

  it('steers towards the right category in every language', () => {
    const index = new CatalogueIndex(storeCatalogue(categories), DEPARTMENTS);
    const best = (text: string) => {
      const s = index.score(tokenize(text));
      let bi = -1;
      s.entryScore.forEach((v, i) => {
        if (v > 0 && (bi < 0 || v > s.entryScore[bi])) bi = i;
      });
      return bi >= 0 ? index.entries[bi].code : null;
    };
    expect(best('Gatlamporna på vår gata är släckta')).toBe('street_lighting');
    expect(best('The street light is broken')).toBe('street_lighting');
    expect(best('مصباح الشارع لا يعمل')).toBe('street_lighting');
    expect(best('Katuvalot eivät toimi')).toBe('street_lighting');
    expect(best('Soptunnan har inte tömts')).toBe('missed_waste_collection');
    expect(best('Jag vill göra en orosanmälan')).toBe('child_welfare_report');
    expect(best('Tarvitsenko rakennusluvan autotallille?')).toBe('building_permit');
  });
});

describe('catalogue helpers', () => {
  it('stores keywords flat and validates entries', () => {
    const stored = storeCatalogue([{ code: 'x', department: 'miljo', keywords: { sv: ['buller', ' buller '], en: ['noise'] } }]);
    expect(stored).toEqual([{ code: 'x', department: 'miljo', keywords: ['buller', 'noise'], firstLine: false, faultReport: false }]);
    expect(storeCatalogue({ categories: [{ department: 'miljo', keywords: ['a'] }] })[0].code).toBeNull();
    expect(() => storeCatalogue([{ department: '', keywords: [] }])).toThrow(/no department/);
    expect(() => storeCatalogue([{ department: 'miljo', keywords: { sv: 'buller' as unknown as string[] } }])).toThrow(/must be arrays/);
  });

  it('turns categories into labelled training texts, one per language', () => {
    const docs = catalogueDocuments(categories.slice(0, 1));
    expect(docs).toHaveLength(4);
    expect(docs.every((d) => d.department === categories[0].department)).toBe(true);
    expect(docs[0].text).toContain(categories[0].name.sv);
  });
});
