import { maskedSubject, personnummerPattern, phoneKey } from './data-subject';

describe('finding a person', () => {
  it('knows one phone number in its written forms', () => {
    const forms = ['070-123 45 67', '+46 70 123 45 67', '0046701234567', '0701234567'];
    expect(new Set(forms.map(phoneKey))).toEqual(new Set(['701234567']));
    expect(phoneKey('112')).toBeUndefined();
  });

  it('finds a personnummer in every common written form, and not inside longer numbers', () => {
    const re = new RegExp(personnummerPattern('19121212-1212')!.replace(/\\s/g, '\\s'));
    for (const text of ['pnr 121212-1212.', 'pnr 121212 - 1212', 'pnr 121212–1212', 'pnr 1212121212', 'pnr 19121212.1212', '19121212-1212', 'nr 121212-12 12']) {
      expect({ text, found: re.test(text) }).toEqual({ text, found: true });
    }
    for (const text of ['121212-1213', '31212121212', 'order 912121212120']) {
      expect({ text, found: re.test(text) }).toEqual({ text, found: false });
    }
    expect(personnummerPattern('12345')).toBeUndefined();
  });

  it('masks who was asked about', () => {
    expect(maskedSubject({ email: 'anna@example.se', phone: '0701234567', personnummer: '121212-1212' }))
      .toBe('email a***@example.se, phone ***67, personnummer ******-**12');
  });
});
