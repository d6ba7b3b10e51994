import { parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy', () => {
  it('is off unless configured', () => {
    for (const v of [undefined, '', ' ', 'false', 'off', '0']) expect(parseTrustProxy(v)).toBe(false);
  });

  it('takes a hop count or a list of addresses and CIDRs', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.0/8, 192.168.1.5 ,::1,fd00::/8,loopback')).toEqual(['10.0.0.0/8', '192.168.1.5', '::1', 'fd00::/8', 'loopback']);
  });

  it('refuses trusting everyone and anything that is not an address', () => {
    expect(() => parseTrustProxy('true')).toThrow(/every client/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/10.0.0.0\/33/);
    expect(() => parseTrustProxy('proxy.example')).toThrow(/proxy.example/);
    expect(() => parseTrustProxy('99')).toThrow(/hop count/);
  });
});
