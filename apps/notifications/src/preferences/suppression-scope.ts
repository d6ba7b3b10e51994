import { NotificationTrigger, PERSON_WRITTEN } from '../templates';

/**
 * Messages a person wrote to the citizen, in reply to what the citizen asked: an opt-out never
 * stops them (the citizen opted out of automated mail, not out of their own case). Everything
 * else — receipts, status updates, surveys, apologies — is automated and stops with an opt-out.
 */
export const PERSONAL_TRIGGERS: readonly NotificationTrigger[] = [...PERSON_WRITTEN];

export function isAutomated(trigger: string): boolean {
  return !(PERSONAL_TRIGGERS as readonly string[]).includes(trigger);
}

/** What a suppressed delivery's log says (staff see it in GET /v1/deliveries). */
export const SUPPRESSED_BECAUSE = {
  bounced: 'address bounced recently (suppressed for a period)',
  opted_out: 'citizen opted out of automated messages',
} as const;
