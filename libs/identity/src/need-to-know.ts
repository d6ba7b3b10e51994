import { departmentsOf, Principal, ProblemException, rolesOf } from '@lotsen/platform';

/** The contact center's own unit: an inquiry not (yet) with a department is its first-line work. */
export const CONTACT_CENTER = 'kontaktcenter';

/** What the owning service knows about an inquiry when someone asks to read it. */
export interface InquiryFacts {
  tenantId: string;
  /** The handling unit now; null or undefined while it sits with the contact center. */
  department?: string | null;
  sensitive: boolean;
  /** The subject of the person it is assigned to, where the service knows it. */
  assignedTo?: string | null;
  /** Whether the caller serves the queue it waits in, where the service knows queues (routing). */
  servesQueue?: boolean;
}

export interface Access {
  full: boolean;
  /** Why: assigned | department | contact-center | clearance | break-the-glass | need-to-know | other-tenant. */
  because: string;
  /** The reason a supervisor gave to read beyond need-to-know. */
  reason?: string;
}

/** `x-access-reason`: why a supervisor reads an inquiry their work does not cover ("break the glass"). */
export function accessReason(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  const reason = value.trim();
  if (reason.length < 5 || reason.length > 500) throw ProblemException.of(400, 'validation', 'x-access-reason must say in 5–500 characters why you need to read this inquiry.');
  return reason;
}

/**
 * Need-to-know: text and contact data only when the inquiry is assigned to the caller, waits in a
 * queue they serve, or their role covers it (contact-center staff for first-line work, a
 * department's caseworkers and its system key for its work); a sensitive inquiry only for its
 * handling unit and those with that unit's clearance. A supervisor may read beyond that by giving
 * a reason (never a sensitive inquiry without the clearance). Everybody else: the redacted view.
 */
export function inquiryAccess(p: Principal, f: InquiryFacts, reason?: string): Access {
  if (p.tenantId !== f.tenantId) return { full: false, because: 'other-tenant' };
  const unit = f.department || CONTACT_CENTER;
  const roles = rolesOf(p);
  const clearances = p.clearances ?? [];
  if (f.assignedTo && p.subjectId && f.assignedTo === p.subjectId) return { full: true, because: 'assigned' };
  if (departmentsOf(p).includes(unit)) return { full: true, because: 'department' };
  const contactCenterStaff = roles.includes('agent') || roles.includes('supervisor');
  if (unit === CONTACT_CENTER && contactCenterStaff && (f.servesQueue !== false || roles.includes('supervisor'))) {
    return { full: true, because: 'contact-center' };
  }
  if (clearances.includes(unit) && (roles.includes('supervisor') || roles.includes('department'))) return { full: true, because: 'clearance' };
  if (reason && roles.includes('supervisor') && (!f.sensitive || clearances.includes(unit))) return { full: true, because: 'break-the-glass', reason };
  return { full: false, because: 'need-to-know' };
}

/**
 * The handling units whose inquiries inquiryAccess gives the caller in full without a reason (and
 * without being assigned): their departments, first-line work for contact-center staff, and the
 * units they hold clearance for. A search narrows by these first and asks inquiryAccess for each hit.
 */
export function unitsReadableInFull(p: Principal): string[] {
  const roles = rolesOf(p);
  const units = new Set(departmentsOf(p));
  if (roles.includes('agent') || roles.includes('supervisor')) units.add(CONTACT_CENTER);
  if (roles.includes('supervisor') || roles.includes('department')) for (const unit of p.clearances ?? []) units.add(unit);
  return [...units];
}

/** What everybody may see of an inquiry: that it exists, and how far it has come. */
export function redactedInquiry(i: { id: string; reference: string; category?: string | null; type?: string | null; status?: string | null; receivedAt?: Date | string | null }) {
  return { id: i.id, reference: i.reference, category: i.category ?? null, type: i.type ?? null, status: i.status ?? null, receivedAt: i.receivedAt ?? null, redacted: true as const };
}
