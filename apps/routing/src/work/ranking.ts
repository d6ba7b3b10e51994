/**
 * Which item an agent gets next, among those it may take: the language must match (filtered
 * before ranking); then the highest priority (1 first), the earliest SLA due time, the agent's
 * best skill level for the item, and finally the longest-waiting item.
 */
export interface Candidate {
  inquiryId: string;
  priority: number;
  dueAt: Date | null;
  skill: number;
  enqueuedAt: Date;
}

export function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  const da = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const db = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  if (a.skill !== b.skill) return b.skill - a.skill;
  return a.enqueuedAt.getTime() - b.enqueuedAt.getTime();
}

export function rankCandidates<T extends Candidate>(items: T[]): T[] {
  return [...items].sort(compareCandidates);
}

export interface AgentProfile {
  id: string;
  role: string;
  department: string;
  languages: string[];
  capacity: number;
  presence: string;
  active: boolean;
}

export type ClaimRefusal = 'not-available' | 'over-capacity' | 'inactive';

/** Why an agent may not claim anything right now, or null if it may. */
export function claimRefusal(agent: AgentProfile, load: number): ClaimRefusal | null {
  if (!agent.active) return 'inactive';
  if (agent.presence !== 'available') return 'not-available';
  if (load >= agent.capacity) return 'over-capacity';
  return null;
}

/** The team that works an item: triage is done by the contact center. */
export function teamOf(department: string): string {
  return department === 'triage' ? 'kontaktcenter' : department;
}
