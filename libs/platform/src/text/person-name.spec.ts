import { isPlausiblePersonName } from './person-name';

describe('isPlausiblePersonName', () => {
  it.each(['Anna Andersson', "Anna-Lena O'Brien", 'J. R. Smith', 'محمد علي', 'Åsa Öberg', 'Ngô Bảo Châu', 'Karl XII', "D’Artagnan"])(
    'accepts %s',
    (name) => expect(isPlausiblePersonName(name)).toBe(true),
  );

  it.each([
    'Klicka på https://evil.example', 'evil.example', 'Besök www.evil.example', 'anna@evil.example', '<b>Anna</b>', 'Anna 2',
    'Ring 070-123 45 67', '', '   ', 'x'.repeat(101), 'Anna\u0000', 'Anna\u202eeman',
  ])('refuses %j', (name) => expect(isPlausiblePersonName(name)).toBe(false));
});
