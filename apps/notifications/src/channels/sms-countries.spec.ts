import { parseCallingCodes, smsCountryAllowed } from './sms-countries';

describe('SMS country allow-list', () => {
  it('allows the listed calling codes however the number is written, nothing else', () => {
    const sweden = parseCallingCodes('46');
    for (const n of ['+46 70 123 45 67', '070-123 45 67', '0046701234567']) expect(smsCountryAllowed(n, sweden)).toBe(true);
    for (const n of ['+882 16 1234 5678', '+47 912 34 567', '+1 202 555 0100', 'not a number']) expect(smsCountryAllowed(n, sweden)).toBe(false);
    const nordic = parseCallingCodes(' +46, 47 ,358');
    expect(nordic).toEqual(['46', '47', '358']);
    expect(smsCountryAllowed('+47 912 34 567', nordic)).toBe(true);
    expect(smsCountryAllowed('+358 40 123 4567', nordic)).toBe(true);
    expect(smsCountryAllowed('+882 16 1234 5678', nordic)).toBe(false);
  });
});
