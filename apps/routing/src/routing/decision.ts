import type { Agreement } from '../catalogue/agreement';
import type { Classification } from '../classifier';

export const CONTACT_CENTER = 'kontaktcenter';
export const TRIAGE = 'triage';

/** The unit that handles an item in `department`: triage (routing was unsure) is the contact center's. */
export function handlingUnit(department: string): string {
  return department === TRIAGE ? CONTACT_CENTER : department;
}
export type Queue = 'first_line' | 'department' | 'triage' | 'supervisor';

export interface DecisionInput {
  /** The classifier's answer, or undefined when the tenant has no usable model. */
  classification?: Classification & { modelVersion: number };
  threshold: number;
  /** A valid category the channel gave (e.g. an Open311 service code), with its department. */
  givenCategory?: { code: string; department: string };
  givenType?: string;
  /** The current agreement of the category the decision uses, if any. */
  agreement?: Agreement;
  defaults: { firstResponseHours: number; resolutionHours: number };
}

export interface Decision {
  /** Owner now: a department code, `kontaktcenter` (first line) or `triage`. */
  department: string;
  queue: Queue;
  category: string | null;
  /** The department the question is about (skills and knowledge use it). */
  topicDepartment: string;
  type: string;
  priority: number;
  urgent: boolean;
  firstContactResolvable: boolean;
  confidence: number;
  agreementVersion: number | null;
  slaHours: { first_response: number; resolution: number };
  reasons: string[];
}

const pct = (v: number) => v.toFixed(2);

/**
 * Applies the agreement to a classification: who owns the inquiry next and why. Pure, so the
 * rules read in one place:
 * - a category given by the channel wins over the classifier; below the confidence threshold
 *   (or with no model) a human triages;
 * - the contact center keeps questions about itself, and first-line categories when the question
 *   can be answered at first contact; everything else goes to the agreement's department;
 * - urgent inquiries get priority 1.
 */
export function decide(i: DecisionInput): Decision {
  const c = i.classification;
  const reasons: string[] = [];
  const urgent = c?.urgent ?? false;
  const fcr = c?.firstContactResolvable ?? false;
  const type = i.givenType ?? c?.type ?? 'information';
  if (i.givenType) reasons.push(`type "${i.givenType}" given by the channel`);

  let category: string | null = null;
  let topic: string;
  if (i.givenCategory) {
    category = i.givenCategory.code;
    topic = i.givenCategory.department;
    reasons.push(`category "${category}" given by the channel (${topic})`);
  } else if (!c) {
    return triage(i, reasons, 'no classifier model for this tenant yet', urgent, fcr, type, 0, CONTACT_CENTER);
  } else if (c.confidence < i.threshold) {
    return triage(i, reasons, `confidence ${pct(c.confidence)} below the threshold ${pct(i.threshold)} (best guess ${c.department})`, urgent, fcr, type, c.confidence, c.department);
  } else {
    category = c.category;
    topic = c.department;
    const why = c.explanation.slice(0, 3).map((e) => e.feature).join(', ');
    reasons.push(`classified as ${topic}${category ? ` / ${category}` : ''} (confidence ${pct(c.confidence)}, model v${c.modelVersion})${why ? `: ${why}` : ''}`);
  }

  let department: string;
  let queue: Queue;
  const a = i.agreement;
  if (topic === CONTACT_CENTER) {
    department = CONTACT_CENTER;
    queue = 'first_line';
    reasons.push('a contact-center question: answered at first line');
  } else if (a?.firstLine && fcr) {
    department = CONTACT_CENTER;
    queue = 'first_line';
    reasons.push(`agreement v${a.version} for "${a.category}": first line, and resolvable at first contact`);
  } else if (a) {
    department = a.department;
    queue = 'department';
    reasons.push(a.firstLine
      ? `agreement v${a.version} for "${a.category}": first line, but not resolvable at first contact, so ${department} acts`
      : `agreement v${a.version} for "${a.category}": ${department} acts`);
  } else {
    department = topic;
    queue = 'department';
    reasons.push(`no agreement for a category: ${department} acts with the default SLA`);
  }

  let priority = a?.priority ?? 3;
  if (urgent) {
    priority = 1;
    reasons.push('urgent: priority 1, ahead of the queue');
  }
  return {
    department, queue, category, topicDepartment: topic, type, priority, urgent, firstContactResolvable: fcr,
    confidence: i.givenCategory ? 1 : c!.confidence,
    agreementVersion: a?.version ?? null,
    slaHours: a
      ? { first_response: a.slaFirstResponseHours, resolution: a.slaResolutionHours }
      : { first_response: i.defaults.firstResponseHours, resolution: i.defaults.resolutionHours },
    reasons,
  };
}

function triage(i: DecisionInput, reasons: string[], why: string, urgent: boolean, fcr: boolean, type: string, confidence: number, guess: string): Decision {
  reasons.push(`${why}: to the triage queue`);
  if (urgent) reasons.push('urgent: priority 1, ahead of the queue');
  return {
    department: TRIAGE, queue: 'triage', category: null, topicDepartment: guess, type, priority: urgent ? 1 : 3, urgent,
    firstContactResolvable: fcr, confidence, agreementVersion: null,
    slaHours: { first_response: i.defaults.firstResponseHours, resolution: i.defaults.resolutionHours },
    reasons,
  };
}
