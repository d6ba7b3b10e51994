import { categories } from '@lotsen/demo-municipality';
import { catalogueDocuments } from './catalogue';
import { catalogueWithoutKeywords, honestCatalogue, induceKeywords } from './keyword-induction';
import { TrainingExample } from './model-schema';

const ex = (department: string, text: string): TrainingExample => ({ text, department, type: 'information', firstContactResolvable: false, urgent: false });

describe('keywords for an evaluation that has not seen its test inquiries', () => {
  it('keeps the catalogue names and descriptions but none of its keywords', () => {
    const stripped = catalogueWithoutKeywords(categories);
    expect(stripped).toHaveLength(categories.length);
    for (const e of stripped) expect(Object.values(e.keywords as Record<string, string[]>).flat()).toEqual([]);
    const texts = catalogueDocuments(stripped).map((d) => d.text).join(' ');
    expect(texts).toContain('Gatubelysning');
    expect(texts).not.toMatch(/gatlampor/);
  });

  it('induces keywords a department owns from its inquiries, not words every department uses', () => {
    const train = [
      ex('gata_park', 'Gatlampan är släckt på Storgatan, hej'),
      ex('gata_park', 'Trasig gatlampan vid skolan, hej'),
      ex('gata_park', 'Potthål och gatlampan, hej'),
      ex('miljo', 'Det luktar illa från restaurangen, hej'),
      ex('miljo', 'Stark lukt från restaurangen i kväll, hej'),
      ex('miljo', 'Restaurangen har råttor, hej'),
    ];
    const kw = Object.fromEntries(induceKeywords(train).map((e) => [e.department, e.keywords as string[]]));
    expect(kw.gata_park).toContain('gatlampan');
    expect(kw.miljo).toContain('restaurangen');
    expect(Object.values(kw).flat()).not.toContain('hej');
    // a word seen once is no keyword (add-one smoothing: two of two is not yet enough either)
    expect(kw.gata_park).not.toContain('potthål');
  });

  it('gives each fold only what its training inquiries and the catalogue texts say', () => {
    const cat = honestCatalogue(categories, [ex('gata_park', 'Gatlampan släckt'), ex('gata_park', 'gatlampan trasig'), ex('gata_park', 'gatlampan blinkar'), ex('miljo', 'lukt')]);
    const kws = cat.flatMap((e) => (Array.isArray(e.keywords) ? e.keywords : Object.values(e.keywords).flat()));
    expect(kws).toEqual(['gatlampan']);
  });
});
