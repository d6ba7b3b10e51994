import { isPlausiblePersonName } from './person-name';

describe('isPlausiblePersonName', () => {
  it.each(['Anna Andersson', "Anna-Lena O'Brien", 'J. R. Smith', 'محمد علي', 'Åsa Öberg', 'Ngô Bảo Châu', 'Karl XII', "D’Artagnan"])(
    'accepts %s',
    (name) => expect(isPlausiblePersonName(name)).toBe(true),
  );

  it.each([
    'Klicka på https://evil.example', 'evil.example', 'Besök www.evil.example', 'anna@evil.example', '<b>Anna</b>', 'Anna 2',
    'Ring 070-123 45 67', '', '   ', 'x'.repeat(101), 'Anna\u0000', 'Anna\u202eeman', 'Anna -', 'Anna..Berg',
  ])('refuses %j', (name) => expect(isPlausiblePersonName(name)).toBe(false));

  it('answers at once for a long run of separators (the pattern never backtracks over them)', () => {
    // An ambiguous pattern took seconds for 26 separators; 98 would never finish.
    expect(isPlausiblePersonName(`a${' -'.repeat(49)}1`)).toBe(false);
    expect(isPlausiblePersonName(`a${'-'.repeat(98)}b`)).toBe(true);
  });
});
