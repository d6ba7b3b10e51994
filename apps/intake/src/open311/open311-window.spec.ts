import { ProblemException } from '@lotsen/platform';
import { Open311Params } from './open311-params';
import { windowOf } from './open311.service';

const DAY = 24 * 3600_000;
const now = new Date('2026-05-01T12:00:00Z');
const win = (q: Record<string, string>) => windowOf(Open311Params.from(q), now);
const status = (q: Record<string, string>) => {
  try {
    win(q);
    return 200;
  } catch (e) {
    return (e as ProblemException).getStatus();
  }
};

describe('GET requests date window', () => {
  it('defaults to the last 90 days', () => {
    expect(win({})).toEqual({ from: new Date(now.getTime() - 90 * DAY), to: now });
    expect(win({ start_date: '', end_date: '' })).toEqual({ from: new Date(now.getTime() - 90 * DAY), to: now });
  });

  it('takes both ends as given (inclusive) and extends a single end by 90 days', () => {
    expect(win({ start_date: '2026-05-01T10:00:00Z', end_date: '2026-05-01T11:00:00Z' }))
      .toEqual({ from: new Date('2026-05-01T10:00:00Z'), to: new Date('2026-05-01T11:00:00Z') });
    expect(win({ start_date: '2026-01-01T00:00:00Z' }).to).toEqual(new Date(new Date('2026-01-01T00:00:00Z').getTime() + 90 * DAY));
    expect(win({ end_date: '2026-04-01T00:00:00+02:00' }).from).toEqual(new Date(new Date('2026-03-31T22:00:00Z').getTime() - 90 * DAY));
  });

  it('answers 400 for malformed dates, a reversed range and more than 90 days', () => {
    expect(status({ start_date: '2026-05-01' })).toBe(400);
    expect(status({ end_date: 'now' })).toBe(400);
    expect(status({ start_date: '2026-05-02T00:00:00Z', end_date: '2026-05-01T00:00:00Z' })).toBe(400);
    expect(status({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:01Z' })).toBe(400);
    expect(status({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:00Z' })).toBe(200);
  });
});
