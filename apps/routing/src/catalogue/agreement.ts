/**
 * Agreements (avtal) between the contact center and a department, per category. They are
 * append-only: a change makes a new version, and each routing decision records the version it
 * used, so a change takes effect for new inquiries only.
 */
export interface AgreementTerms {
  /** The contact center answers it itself. */
  firstLine: boolean;
  /** Which department acts otherwise. */
  department: string;
  slaFirstResponseHours: number;
  slaResolutionHours: number;
  /** 1 highest … 5. */
  priority: number;
}

export interface Agreement extends AgreementTerms {
  category: string;
  version: number;
  changedBy?: string | null;
  note?: string | null;
  createdAt?: string;
}

export class AgreementError extends Error {}

const TERMS: (keyof AgreementTerms)[] = ['firstLine', 'department', 'slaFirstResponseHours', 'slaResolutionHours', 'priority'];

export function validateTerms(t: AgreementTerms): void {
  if (!Number.isInteger(t.priority) || t.priority < 1 || t.priority > 5) throw new AgreementError('priority must be an integer 1–5');
  if (!(t.slaFirstResponseHours > 0)) throw new AgreementError('slaFirstResponseHours must be > 0');
  if (!(t.slaResolutionHours > 0)) throw new AgreementError('slaResolutionHours must be > 0');
  if (t.slaResolutionHours < t.slaFirstResponseHours) throw new AgreementError('slaResolutionHours must not be shorter than slaFirstResponseHours');
  if (!t.department) throw new AgreementError('department is required');
}

/**
 * The next version of a category's agreement after `change`, or `changed: false` when the change
 * repeats the current terms (no new version then). Without a current one, `base` fills the gaps.
 */
export function nextAgreementVersion(
  category: string,
  current: Agreement | undefined,
  change: Partial<AgreementTerms>,
  base: AgreementTerms,
  meta: { changedBy?: string; note?: string } = {},
): { agreement: Agreement; changed: boolean } {
  const from: AgreementTerms = current ?? base;
  const terms = { ...pickTerms(from) } as AgreementTerms;
  for (const k of TERMS) if (change[k] !== undefined) (terms as unknown as Record<string, unknown>)[k] = change[k];
  validateTerms(terms);
  const changed = !current || TERMS.some((k) => terms[k] !== current[k]);
  if (!changed) return { agreement: current!, changed: false };
  return {
    agreement: { category, version: (current?.version ?? 0) + 1, ...terms, changedBy: meta.changedBy ?? null, note: meta.note ?? null },
    changed: true,
  };
}

function pickTerms(a: AgreementTerms): AgreementTerms {
  return {
    firstLine: a.firstLine,
    department: a.department,
    slaFirstResponseHours: Number(a.slaFirstResponseHours),
    slaResolutionHours: Number(a.slaResolutionHours),
    priority: a.priority,
  };
}
