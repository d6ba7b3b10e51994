import { Candidate, claimRefusal, rankCandidates, teamOf } from './ranking';

const t0 = new Date('2026-03-10T08:00:00Z').getTime();
const c = (id: string, priority: number, dueMin: number | null, skill: number, waitedMin: number): Candidate => ({
  inquiryId: id, priority, dueAt: dueMin === null ? null : new Date(t0 + dueMin * 60000), skill, enqueuedAt: new Date(t0 - waitedMin * 60000),
});

describe('assignment ranking', () => {
  it('puts priority first: an urgent item jumps the queue', () => {
    expect(rankCandidates([c('a', 3, 10, 5, 60), c('urgent', 1, 500, 1, 0)]).map((x) => x.inquiryId)).toEqual(['urgent', 'a']);
  });

  it('then the earliest SLA due time (none last)', () => {
    expect(rankCandidates([c('none', 3, null, 5, 90), c('late', 3, 300, 5, 90), c('soon', 3, 30, 1, 0)]).map((x) => x.inquiryId)).toEqual(['soon', 'late', 'none']);
  });

  it('then the agent’s best skill level', () => {
    expect(rankCandidates([c('weak', 3, 60, 1, 90), c('strong', 3, 60, 5, 0)]).map((x) => x.inquiryId)).toEqual(['strong', 'weak']);
  });

  it('ties go to the longest-waiting item', () => {
    expect(rankCandidates([c('new', 3, 60, 3, 1), c('old', 3, 60, 3, 45), c('mid', 3, 60, 3, 10)]).map((x) => x.inquiryId)).toEqual(['old', 'mid', 'new']);
  });

  it('refuses claims when away, deactivated or at capacity', () => {
    const a = { id: 'a', role: 'agent', department: 'kontaktcenter', languages: ['sv'], capacity: 2, presence: 'available', active: true };
    expect(claimRefusal(a, 1)).toBeNull();
    expect(claimRefusal(a, 2)).toBe('over-capacity');
    expect(claimRefusal({ ...a, presence: 'away' }, 0)).toBe('not-available');
    expect(claimRefusal({ ...a, active: false }, 0)).toBe('inactive');
    expect(claimRefusal({ ...a, capacity: 0 }, 0)).toBe('over-capacity');
  });

  it('lets the contact center work the triage queue', () => {
    expect(teamOf('triage')).toBe('kontaktcenter');
    expect(teamOf('gata_park')).toBe('gata_park');
  });
});
