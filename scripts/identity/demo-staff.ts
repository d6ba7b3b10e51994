import { randomBytes } from 'crypto';

/** A member of the demo municipality's staff as the embedded identity provider knows them. */
export interface DemoStaffMember {
  /** What they type at sign-in (and give to `npm run token --`). */
  username: string;
  /** Stable subject; routing's agent of the same id is this person. */
  sub: string;
  name: string;
  /** Provider groups (conventional names, see docs/identity.md). */
  groups: string[];
  describe: string;
}

export const DEMO_STAFF: DemoStaffMember[] = [
  { username: 'amira', sub: 'demo-agent', name: 'Amira Lind', groups: ['lotsen-agent'], describe: 'contact-center agent (Swedish, Arabic)' },
  { username: 'emma', sub: 'demo-agent-en', name: 'Emma Clarke', groups: ['lotsen-agent'], describe: 'contact-center agent (English)' },
  { username: 'sven', sub: 'demo-supervisor', name: 'Sven Berg', groups: ['lotsen-supervisor'], describe: 'contact-center supervisor' },
  { username: 'gustav', sub: 'demo-caseworker-gata-park', name: 'Gustav Ek', groups: ['lotsen-department-gata_park'], describe: 'caseworker, Gata och park' },
  { username: 'sara', sub: 'demo-caseworker-socialtjanst', name: 'Sara Holm', groups: ['lotsen-department-socialtjanst', 'lotsen-clearance-socialtjanst'], describe: 'caseworker, social services (cleared for its secret matters)' },
  { username: 'adam', sub: 'demo-admin', name: 'Adam Nyberg', groups: ['lotsen-admin'], describe: 'administrator' },
  { username: 'astrid', sub: 'demo-auditor', name: 'Astrid Lund', groups: ['lotsen-auditor'], describe: 'auditor' },
];

/** A user's entry in `.lotsen/demo.json` under `users`. */
export interface DemoUser {
  password: string;
  sub: string;
  name: string;
  groups: string[];
  describe: string;
}

/** Fresh passwords for the demo staff (kept across restarts in `.lotsen/demo.json`). */
export function demoUsers(previous: Record<string, Partial<DemoUser>> = {}): Record<string, DemoUser> {
  return Object.fromEntries(DEMO_STAFF.map((m) => [m.username, {
    password: previous[m.username]?.password ?? randomBytes(9).toString('base64url'),
    sub: m.sub, name: m.name, groups: m.groups, describe: m.describe,
  }]));
}
