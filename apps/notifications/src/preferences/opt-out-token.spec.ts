import { addressKey, signOptOutToken, verifyOptOutToken } from './opt-out-token';

describe('opt-out tokens', () => {
  const secret = 'a-test-secret-of-enough-length';
  const claim = { tenantId: 'demo', addressKey: addressKey(secret, 'Anna@Example.se'), language: 'sv' };

  it('round-trips a signed claim and holds no address', () => {
    const token = signOptOutToken(secret, claim);
    expect(token).not.toMatch(/anna|example/i);
    expect(verifyOptOutToken(secret, token)).toEqual(claim);
  });

  it('keys an address case-insensitively (e-mail) and by digits (phone)', () => {
    expect(addressKey(secret, ' anna@example.se ')).toBe(claim.addressKey);
    expect(addressKey(secret, '+46 70-123 45 67')).toBe(addressKey(secret, '+46701234567'));
    expect(addressKey(secret, 'bo@example.se')).not.toBe(claim.addressKey);
    expect(addressKey('another-secret-of-enough-length', 'anna@example.se')).not.toBe(claim.addressKey);
  });

  it('rejects a token signed with another secret, or with any part changed', () => {
    const token = signOptOutToken(secret, claim);
    expect(verifyOptOutToken('another-secret-of-enough-length', token)).toBeUndefined();
    const [t, k, l, s] = token.split('.');
    expect(verifyOptOutToken(secret, [`${t}x`, k, l, s].join('.'))).toBeUndefined();
    expect(verifyOptOutToken(secret, [t, addressKey(secret, 'bo@example.se'), l, s].join('.'))).toBeUndefined();
    expect(verifyOptOutToken(secret, [t, k, 'en', s].join('.'))).toBeUndefined();
    expect(verifyOptOutToken(secret, [t, k, l, s.slice(0, -1)].join('.'))).toBeUndefined();
  });

  it('rejects malformed tokens without throwing', () => {
    for (const bad of ['', 'a.b.c', 'a.b.c.d.e', '../../etc.x.y.z', 'x'.repeat(1000), 'a.b.c.d']) {
      expect(verifyOptOutToken(secret, bad)).toBeUndefined();
    }
  });
});
