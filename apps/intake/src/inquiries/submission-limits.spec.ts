import { ProblemException } from '@lotsen/platform';
import { SubmissionLimiter } from './submission-limits';

const HOUR = 3600_000;

describe('SubmissionLimiter', () => {
  const limiter = () => new SubmissionLimiter({ perClientPerHour: 3, open311PerClientPerHour: 5, perRecipientPerHour: 2 });
  const status = (f: () => void) => {
    try {
      f();
      return 202;
    } catch (err) {
      return (err as ProblemException).body.status;
    }
  };

  it('takes a few submissions per client an hour, then 429 with when to come back; the next hour starts afresh', () => {
    const l = limiter();
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) l.admit({ tenantId: 'demo', via: 'form', client: '203.0.113.1' }, t0 + i);
    let refused: ProblemException | undefined;
    try {
      l.admit({ tenantId: 'demo', via: 'form', client: '203.0.113.1' }, t0 + 10 * 60_000);
    } catch (err) {
      refused = err as ProblemException;
    }
    expect(refused?.body).toMatchObject({ status: 429, retryAfterSeconds: 50 * 60 });
    expect(status(() => l.admit({ tenantId: 'demo', via: 'form', client: '203.0.113.2' }, t0))).toBe(202);
    expect(status(() => l.admit({ tenantId: 'other', via: 'form', client: '203.0.113.1' }, t0))).toBe(202);
    expect(status(() => l.admit({ tenantId: 'demo', via: 'form', client: '203.0.113.1' }, t0 + HOUR))).toBe(202);
  });

  it('gives Open311 posters their own limit', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) l.admit({ tenantId: 'demo', via: 'form', client: '198.51.100.1' });
    for (let i = 0; i < 5; i++) l.admit({ tenantId: 'demo', via: 'open311', client: '198.51.100.1' });
    expect(status(() => l.admit({ tenantId: 'demo', via: 'open311', client: '198.51.100.1' }))).toBe(429);
  });

  it('counts one address however it is written, and a refused submission counts for nothing', () => {
    const l = limiter();
    l.admit({ tenantId: 'demo', via: 'form', client: 'a', email: 'Anna@Example.se', phone: '070-111 22 33' });
    l.admit({ tenantId: 'demo', via: 'form', client: 'b', email: ' anna@example.se' });
    expect(status(() => l.admit({ tenantId: 'demo', via: 'form', client: 'c', email: 'ANNA@example.se' }))).toBe(429);
    // Client c was refused: none of its keys was counted, so its number still has room for one more.
    l.admit({ tenantId: 'demo', via: 'form', client: 'c', phone: '+46 (0)70 111 22 33' });
    expect(status(() => l.admit({ tenantId: 'demo', via: 'form', client: 'd', phone: '0046701112233' }))).toBe(429);
    expect(status(() => l.admit({ tenantId: 'demo', via: 'form', client: 'c' }))).toBe(202);
  });
});
