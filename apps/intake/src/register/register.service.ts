import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';
import { Principal, ProblemException, rolesOf } from '@lotsen/platform';
import { zoneOffsetMs } from '@lotsen/time-zone';
import { TenantsRepository } from '../tenants/tenants.repository';
import { registerCsv } from './register-csv';
import { SecrecyMark, shown } from './register-masking';
import { RegisterRepository, RegisterRow } from './register.repository';
import { DOCUMENT_KINDS, DocumentKind, RegisterPolicyDto, RegisterQueryDto, SecrecyDto } from './register.dto';

/**
 * Roles that see what sekretess covers. The register itself is public; its secret parts are for
 * those with clearance. (The registrar role and clearances from sign-in take this over.)
 */
const CLEARED_ROLES = new Set(['registrar', 'admin']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const EXPORT_PAGE = 1000;
const EXPORT_MAX = 200_000;

/** The public-record register (diarium) of inbound mail and letters: list, search, export, sekretess. */
@Injectable()
export class RegisterService {
  private readonly log = new Logger('Register');

  constructor(private readonly tx: UnitOfWork, private readonly repo: RegisterRepository, private readonly tenants: TenantsRepository) {}

  async search(p: Principal, q: RegisterQueryDto) {
    return this.tx.run(async () => {
      const cleared = this.cleared(p);
      const { total, rows } = await this.repo.search(p.tenantId, { ...(await this.filter(p, q)), cleared, limit: q.limit ?? 100, offset: q.offset ?? 0 });
      return { total, documents: rows.map((r) => this.entry(r, cleared)) };
    });
  }

  async exportCsv(p: Principal, q: RegisterQueryDto): Promise<string> {
    return this.tx.run(async () => {
      const cleared = this.cleared(p);
      const f = await this.filter(p, q);
      const out: Array<Array<string | boolean | null>> = [];
      for (let offset = 0; offset < EXPORT_MAX; offset += EXPORT_PAGE) {
        const { rows } = await this.repo.search(p.tenantId, { ...f, cleared, limit: EXPORT_PAGE, offset });
        for (const r of rows) {
          const e = this.entry(r, cleared);
          out.push([e.registeredAt.toISOString(), e.kind, e.reference, e.sender, e.subject, e.secrecy?.parts.join(' ') ?? null, e.secrecy?.legalGround ?? null, e.gallrad]);
        }
        if (rows.length < EXPORT_PAGE) break;
      }
      return registerCsv(['registered_at', 'kind', 'reference', 'sender', 'subject', 'secret_parts', 'legal_ground', 'gallrad'], out);
    });
  }

  async document(p: Principal, kind: string, id: string) {
    const k = this.kind(kind, id);
    return this.tx.run(async () => {
      const d = await this.repo.document(p.tenantId, k, id);
      if (!d) throw ProblemException.of(404, 'not-found', 'No such document in the register.');
      const cleared = this.cleared(p);
      const mark = this.mark(d);
      return { ...this.entry(d, cleared), content: shown(d.content, 'content', mark, cleared) };
    });
  }

  async markSecret(p: Principal, kind: string, id: string, dto: SecrecyDto) {
    const k = this.kind(kind, id);
    return this.tx.run(async () => {
      if (!(await this.repo.document(p.tenantId, k, id))) throw ProblemException.of(404, 'not-found', 'No such document in the register.');
      await this.repo.markSecret(p.tenantId, k, id, dto.parts, dto.legalGround, this.who(p));
      this.log.log(`${k} ${id} marked secret (${dto.parts.join(', ')}) by ${this.who(p)}`);
      return this.entry((await this.repo.document(p.tenantId, k, id))!, this.cleared(p));
    });
  }

  async liftSecrecy(p: Principal, kind: string, id: string) {
    const k = this.kind(kind, id);
    return this.tx.run(async () => {
      if (!(await this.repo.liftSecrecy(p.tenantId, k, id))) throw ProblemException.of(404, 'not-secret', 'The document carries no sekretess mark.');
      this.log.log(`${k} ${id} sekretess lifted by ${this.who(p)}`);
      return this.entry((await this.repo.document(p.tenantId, k, id))!, this.cleared(p));
    });
  }

  policy(p: Principal) {
    return this.tx.run(() => this.repo.policy(p.tenantId));
  }

  async setPolicy(p: Principal, dto: RegisterPolicyDto) {
    return this.tx.run(async () => {
      await this.repo.setPolicy(p.tenantId, dto.atGallring, dto.note ?? null, this.who(p));
      return this.repo.policy(p.tenantId);
    });
  }

  private entry(r: RegisterRow, cleared: boolean) {
    const mark = this.mark(r);
    return {
      kind: r.kind, id: r.id, registeredAt: new Date(r.registeredAt), reference: r.reference, inquiryId: r.inquiryId, disposition: r.disposition,
      sender: shown(r.sender, 'sender', mark, cleared), subject: shown(r.subject, 'subject', mark, cleared),
      gallrad: r.gallrad,
      secrecy: mark ? { parts: mark.parts, legalGround: mark.legalGround, markedBy: r.markedBy, markedAt: r.markedAt } : null,
    };
  }

  private mark(r: RegisterRow): SecrecyMark | null {
    return r.secretParts?.length && r.legalGround ? { parts: r.secretParts, legalGround: r.legalGround } : null;
  }

  private cleared(p: Principal): boolean {
    return rolesOf(p).some((r) => CLEARED_ROLES.has(r));
  }

  private who(p: Principal): string {
    return p.subjectId ?? `key:${p.keyId}`;
  }

  private kind(kind: string, id: string): DocumentKind {
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) throw ProblemException.of(400, 'validation', `The kind of document is one of ${DOCUMENT_KINDS.join(', ')}.`);
    if (!UUID.test(id)) throw ProblemException.of(400, 'validation', 'A document id is a UUID.');
    return kind as DocumentKind;
  }

  /** Dates are the municipality's local days; a `to` date includes that whole day. */
  private async filter(p: Principal, q: RegisterQueryDto) {
    const tz = (await this.tenants.findById(p.tenantId))?.timezone ?? 'Europe/Stockholm';
    const at = (v: string | undefined, endOfDay: boolean): Date | undefined => {
      if (!v) return undefined;
      if (!DATE_ONLY.test(v)) return new Date(v);
      const utc = Date.parse(`${v}T00:00:00Z`) + (endOfDay ? 86_400_000 : 0);
      return new Date(utc - zoneOffsetMs(utc, tz) - (endOfDay ? 1 : 0));
    };
    const from = at(q.from, false);
    const to = at(q.to, true);
    if (from && to && from > to) throw ProblemException.of(400, 'invalid-range', '`from` must not be after `to`.');
    const like = (s: string | undefined) => (s === undefined ? undefined : `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return { from, to, sender: like(q.sender), subject: like(q.subject), reference: q.reference };
  }
}
