import { loadIntakeConfig } from './intake.config';

describe('intake config: abuse limits and TRUST_PROXY', () => {
  it('trusts no proxy and limits submissions unless told otherwise', () => {
    const c = loadIntakeConfig({});
    expect(c.trustProxy).toBe('');
    expect(c.submissionLimits).toEqual({ perClientPerHour: 20, open311PerClientPerHour: 200, perRecipientPerHour: 5 });
    expect(loadIntakeConfig({ TRUST_PROXY: '10.0.0.0/8,::1', SUBMISSIONS_PER_RECIPIENT_PER_HOUR: '2' })).toMatchObject({
      trustProxy: '10.0.0.0/8,::1', submissionLimits: { perRecipientPerHour: 2 },
    });
  });

  it('refuses at start to trust every client, a malformed proxy list or a limit of nothing', () => {
    expect(() => loadIntakeConfig({ TRUST_PROXY: 'true' })).toThrow(/trustProxy/);
    expect(() => loadIntakeConfig({ TRUST_PROXY: 'proxy.internal' })).toThrow(/trustProxy/);
    expect(() => loadIntakeConfig({ SUBMISSIONS_PER_CLIENT_PER_HOUR: '0' })).toThrow(/perClientPerHour/);
  });
});
