import { fromAddressFailedDmarc } from './sender-authentication';

const h = (...values: string[]) => values.map((value) => ({ name: 'authentication-results', value }));

describe('fromAddressFailedDmarc', () => {
  it('sees a DMARC failure in any Authentication-Results header', () => {
    expect(fromAddressFailedDmarc(h('mx.kommun.se; spf=pass smtp.mailfrom=evil.example; dmarc=fail (p=reject) header.from=example.se'))).toBe(true);
    expect(fromAddressFailedDmarc(h('mx.kommun.se; dkim=pass', 'mx2.kommun.se;dmarc=FAIL header.from=example.se'))).toBe(true);
  });

  it('passes, none, other checks failing, or no header at all are no failure', () => {
    expect(fromAddressFailedDmarc([])).toBe(false);
    expect(fromAddressFailedDmarc(h('mx.kommun.se; dmarc=pass header.from=example.se'))).toBe(false);
    expect(fromAddressFailedDmarc(h('mx.kommun.se; dmarc=none; spf=fail'))).toBe(false);
    expect(fromAddressFailedDmarc(h('mx.kommun.se; notdmarc=fail'))).toBe(false);
  });
});
