import { KeywordMatcher } from './keywords';
import { tokenize } from './normalize';

function matches(keyword: string, text: string): boolean {
  return new KeywordMatcher([{ keyword, label: 0 }]).match(tokenize(text)).length > 0;
}

describe('KeywordMatcher', () => {
  it('matches whole words case- and punctuation-insensitively', () => {
    expect(matches('gatlampa', 'GATLAMPA!')).toBe(true);
    expect(matches('opening hours', 'What are the opening hours?')).toBe(true);
  });

  it('matches Swedish inflections but not unrelated words sharing a prefix', () => {
    expect(matches('gatlampa', 'gatlampan är släckt')).toBe(true);
    expect(matches('lampa', 'två lampor är trasiga')).toBe(true);
    expect(matches('park', 'i parken')).toBe(true);
    expect(matches('park', 'de parkerar på trottoaren')).toBe(false);
    expect(matches('park', 'no parking here')).toBe(false);
    expect(matches('brunn', 'vi bor i Brunnsäng')).toBe(false);
  });

  it('matches inside Swedish compounds', () => {
    expect(matches('gatlampa', 'en trasiggatlampa')).toBe(true);
    expect(matches('hemtjänst', 'hemtjänstgruppen var sen')).toBe(true);
    expect(matches('äldre', 'föräldrar')).toBe(false);
  });

  it('supports prefix keywords for Finnish stems', () => {
    expect(matches('rakennuslu*', 'tarvitsenko rakennusluvan')).toBe(true);
    expect(matches('katuvalo*', 'katuvalot eivät toimi')).toBe(true);
  });

  it('matches Arabic words with article and clitics, and normalised spelling', () => {
    expect(matches('حاوية', 'الحاوية مكسورة')).toBe(true);
    expect(matches('حاوية', 'والحاويات ممتلئة')).toBe(true);
    expect(matches('إضاءة', 'لا توجد اضاءه')).toBe(true);
    // مكتبة (library) must not match مكتب (office)
    expect(matches('مكتبة', 'مكتب البلدية')).toBe(false);
  });

  it('reports each keyword once with its label', () => {
    const m = new KeywordMatcher([
      { keyword: 'snö', label: 1 },
      { keyword: 'halka', label: 2 },
    ]);
    const found = m.match(tokenize('Snö och snö och halka'));
    expect(found.map((f) => f.label).sort()).toEqual([1, 2]);
  });
});
