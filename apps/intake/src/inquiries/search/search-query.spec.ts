import { containsPattern, maskedQuery, parseSearch } from './search-query';

describe('reading a staff search', () => {
  it('knows a reference, an e-mail address and a phone number by their form', () => {
    expect(parseSearch(' kc-2026-000123 ')).toEqual({ kind: 'reference', prefix: 'kc', rest: '2026-000123' });
    expect(parseSearch('  Anna.Andersson@Example.SE ')).toEqual({ kind: 'email', email: 'anna.andersson@example.se' });
    for (const form of ['070-123 45 67', '+46701234567', '0046 70 123 45 67', '(070) 123.45.67']) {
      expect(parseSearch(form)).toEqual({ kind: 'phone', phone: form, phoneKey: '701234567' });
    }
  });

  it('takes anything else as words, without repeats', () => {
    expect(parseSearch('Gatlampan  trasig gatlampan')).toEqual({ kind: 'text', words: ['gatlampan', 'trasig'] });
    expect(parseSearch('112')).toEqual({ kind: 'text', words: ['112'] });
    expect(parseSearch('anna@')).toEqual({ kind: 'text', words: ['anna@'] });
    expect(parseSearch('a b c d e f g h i j').kind === 'text' && parseSearch('a b c d e f g h i j')).toMatchObject({ words: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] });
  });

  it('looks for % and _ as themselves', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });

  it('keeps the address, the number and the words out of the audit trail', () => {
    expect(maskedQuery(parseSearch('Anna@Example.se'))).toBe('email a***@example.se');
    expect(maskedQuery(parseSearch('070-123 45 67'))).toBe('phone ***67');
    expect(maskedQuery(parseSearch('trasig gatlampa'))).toBe('text: 2 words, 15 characters');
    expect(maskedQuery(parseSearch('kc-2026-000001'))).toBe('reference KC-2026-000001');
  });
});
