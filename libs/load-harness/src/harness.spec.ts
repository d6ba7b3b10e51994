import { freePort, offeredAt } from './harness';

describe('offeredAt (paced runs of the bench and chaos)', () => {
  it('without a ramp offers at the rate from the first second', () => {
    expect([0, 1, 160, 1600].map((n) => offeredAt(n, 160))).toEqual([0, 1 / 160, 1, 10]);
  });

  it('grows the rate linearly over the ramp, then holds it, without a jump in between', () => {
    const rate = 100;
    const at = Array.from({ length: 3000 }, (_, n) => offeredAt(n, rate, 10));
    const offeredBy = (t: number) => at.filter((x) => x < t).length;
    expect(at.every((t, i) => i === 0 || t > at[i - 1])).toBe(true);
    // Half the rate halfway through the ramp (about 50 in the second around t = 5 s) …
    expect(offeredBy(5.5) - offeredBy(4.5)).toBeGreaterThanOrEqual(49);
    expect(offeredBy(5.5) - offeredBy(4.5)).toBeLessThanOrEqual(51);
    expect(offeredBy(1)).toBeLessThanOrEqual(5);
    // … rate × ramp / 2 by its end, and exactly the rate afterwards.
    expect(offeredBy(10)).toBe(500);
    expect(offeredBy(21) - offeredBy(11)).toBe(1000);
    expect(offeredAt(2000, rate, 10)).toBeCloseTo(2000 / rate + 5, 9);
  });
});

describe('freePort (ports for the service processes of the bench and chaos)', () => {
  it('never hands out a port twice, though the kernel offers closed ports again', async () => {
    // 2,000 draws from Linux's ~28,000 ephemeral ports repeat one with near certainty.
    const ports: number[] = [];
    for (let i = 0; i < 2000; i++) ports.push(await freePort());
    expect(new Set(ports).size).toBe(ports.length);
  });
});
