// A status update is worth a message only when it tells the citizen something they have not
// heard. The receipt comes from the contact center, so "the center has it" is known from the
// start; routing handing a first-line or triage inquiry to the center is no news.

/** Owners routing names for the contact center itself (first line and triage). */
const CENTER_OWNERS: ReadonlySet<string> = new Set(['kontaktcenter', 'triage']);

/** What the citizen knows once they have the receipt (a recipient with no heard_status). */
export const HEARD_CENTER = 'center';

export type StatusChange = 'routed' | 'assigned' | 'transferred';

export interface StatusNews {
  /** What the citizen knows once told; compared with what they heard last. */
  heard: string;
  /** The status code the message shows (a STATUS_LABELS key). */
  status: string;
}

/**
 * What a routing change tells a citizen who last heard `heardStatus`, or undefined when it tells
 * them nothing new. A department they never heard of was forwarded to, whatever routing called it.
 */
export function statusNews(change: StatusChange, department: string, heardStatus: string | undefined): StatusNews | undefined {
  const heard = heardStatus ?? HEARD_CENTER;
  let news: StatusNews;
  if (CENTER_OWNERS.has(department)) news = { heard: HEARD_CENTER, status: 'returned' };
  else if (change === 'assigned') news = { heard: `assigned:${department}`, status: 'assigned' };
  else news = { heard: `department:${department}`, status: heard === HEARD_CENTER ? 'routed' : change };
  return news.heard === heard ? undefined : news;
}
