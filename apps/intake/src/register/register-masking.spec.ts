import { maskSender, shown } from './register-masking';

describe('the register\'s masking', () => {
  it('keeps only an initial of a sender kept after gallring', () => {
    expect(maskSender('Anna Svensson <anna.svensson@example.se>')).toBe('a***@example.se');
    expect(maskSender('anna@example.se')).toBe('a***@example.se');
    expect(maskSender('Anna Svensson')).toBe('A*** S***');
    expect(maskSender(null)).toBeNull();
  });

  it('shows the legal ground in place of a secret part to those without clearance only', () => {
    const mark = { parts: ['sender' as const], legalGround: 'OSL 26 kap. 1 §' };
    expect(shown('Anna', 'sender', mark, false)).toBe('[sekretess: OSL 26 kap. 1 §]');
    expect(shown('Anna', 'sender', mark, true)).toBe('Anna');
    expect(shown('Bygglov', 'subject', mark, false)).toBe('Bygglov');
    expect(shown('Bygglov', 'subject', null, false)).toBe('Bygglov');
  });
});
