import { pooledRandomBytes } from './random-pool';

describe('pooledRandomBytes', () => {
  it('hands out each byte once: 20,000 tokens across many refills are all distinct', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const b = pooledRandomBytes(18);
      expect(b).toHaveLength(18);
      seen.add(b.toString('hex'));
    }
    expect(seen.size).toBe(20_000);
  });

  it('answers copies: a refill of the block leaves bytes already handed out as they were', () => {
    const first = pooledRandomBytes(12);
    const before = Buffer.from(first);
    for (let i = 0; i < 1000; i++) pooledRandomBytes(12);
    expect(first.equals(before)).toBe(true);
  });

  it('serves a request larger than its block straight from the generator', () => {
    const big = pooledRandomBytes(10_000);
    expect(big).toHaveLength(10_000);
    expect(new Set(big).size).toBeGreaterThan(200);
  });
});
