import { extractTerms } from './extract-terms';

describe('topic words taken from a citizen text', () => {
  it('keeps lower-cased content words and drops stop words and names of streets and places', () => {
    expect(extractTerms('Trasig gatlampa', 'Hej! Gatlampan på Storgatan är trasig sedan i måndags.'))
      .toEqual(['trasig', 'gatlampa', 'gatlampan', 'måndags']);
    expect(extractTerms('The streetlight on Main Street is broken')).toEqual(['streetlight', 'broken']);
  });

  it('never keeps numbers, e-mail addresses, phone numbers, personnummer or links', () => {
    const terms = extractTerms('Ring mig på 070-123 45 67 eller anna.svensson@example.se, pnr 19850101-1234, ärende 2026/123 https://x.se/a?b=1');
    expect(terms).toEqual(['pnr', 'ärende']);
    expect(terms.join(' ')).not.toMatch(/\d|anna|svensson|example/);
  });

  it('drops the function words and filler of every language and the names of people', () => {
    const terms = extractTerms(
      'Hej, jag ringer kommunen om hela bygglovet för min son. Kan ni svara på English? Mvh erik',
      'Hello, my kids want to know when the swimming pool opens. Regards, Layla Haddad',
      'Hei, milloin uimahalli avataan? Terveisin Matti',
    );
    for (const word of ['hela', 'son', 'english', 'kids', 'kommunen', 'ringer', 'erik', 'layla', 'haddad', 'matti', 'milloin', 'when']) expect(terms).not.toContain(word);
    expect(terms).toEqual(expect.arrayContaining(['bygglovet', 'swimming', 'pool', 'uimahalli']));
  });

  it('keeps Arabic and Finnish words as they are', () => {
    expect(extractTerms('مصباح الشارع مكسور')).toEqual(['مصباح', 'الشارع', 'مكسور']);
    expect(extractTerms('Katuvalo on rikki')).toEqual(['katuvalo', 'rikki']);
  });

  it('returns each word once and at most 25', () => {
    const many = Array.from({ length: 40 }, (_, i) => `ord${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join(' ');
    expect(extractTerms(many + ' ' + many)).toHaveLength(25);
  });
});
