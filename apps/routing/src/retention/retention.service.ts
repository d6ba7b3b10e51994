import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { EventEnvelope, EventTypes, InquiryRetentionDonePayload, InquiryRetentionDuePayload, RETENTION_SERVICES } from '@lotsen/contracts';
import { EventPublisher } from '@lotsen/messaging';
import { UnitOfWork } from '@lotsen/persistence';
import { Principal, ProblemException } from '@lotsen/platform';
import { DataSubjectExport } from '@lotsen/retention';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import { RoutingInquiriesRepository } from '../routing/inquiries.repository';
import { RoutingConfig } from '../routing.config';
import { LegalHoldsRepository } from './legal-holds.repository';
import { ErasureRepository, ErasureStanding } from './erasure.repository';
import { DueInquiry, RetentionCasesRepository } from './retention-cases.repository';
import { DEFAULT_RULE, RetentionRulesRepository } from './retention-rules.repository';
import { pauseBeforeNextBatch } from './run-pace';

export interface RunResult {
  runId: string | null;
  asOf: string;
  scheduled: number;
}

const actor = (p: Principal) => p.subjectId ?? `key:${p.keyId}`;

/**
 * Gallring: the municipality's rules, legal holds, and runs that publish `inquiry.retention.due`
 * for every resolved inquiry whose time has come. Each service removes its own copy and answers
 * with `inquiry.retention.done`; the steps are kept here, so a run's progress can be followed.
 */
@Injectable()
export class RetentionService {
  private readonly log = new Logger('Retention');

  constructor(
    private readonly tx: UnitOfWork,
    private readonly rules: RetentionRulesRepository,
    private readonly holds: LegalHoldsRepository,
    private readonly cases: RetentionCasesRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly inquiries: RoutingInquiriesRepository,
    private readonly erasure: ErasureRepository,
    private readonly events: EventPublisher,
    private readonly config: RoutingConfig,
    private readonly exports: DataSubjectExport,
  ) {}

  listRules(p: Principal) {
    return this.tx.run(() => this.rules.list(p.tenantId));
  }

  async putRule(p: Principal, category: string, rule: { action: 'gallras' | 'bevaras'; months?: number; note?: string }) {
    return this.tx.run(async () => {
      await this.knownCategory(p.tenantId, category);
      await this.rules.put(p.tenantId, {
        category, action: rule.action, months: rule.action === 'gallras' ? rule.months! : null, note: rule.note ?? null, changedBy: actor(p),
      });
      this.log.log(`retention rule for ${category} set to ${rule.action} by ${actor(p)}`);
      return (await this.rules.list(p.tenantId)).find((r) => r.category === category);
    });
  }

  async removeRule(p: Principal, category: string) {
    return this.tx.run(async () => {
      if (!(await this.rules.remove(p.tenantId, category))) throw ProblemException.of(404, 'no-rule', `No retention rule for "${category}".`);
    });
  }

  private async knownCategory(tenantId: string, category: string) {
    if (category !== DEFAULT_RULE && !(await this.catalogue.category(tenantId, category))) {
      throw ProblemException.of(400, 'unknown-category', `No category with code "${category}" in the catalogue (use "${DEFAULT_RULE}" for the default rule).`);
    }
  }

  holdsOf(p: Principal, inquiryId: string) {
    return this.tx.run(async () => {
      await this.knownInquiry(p.tenantId, inquiryId);
      return { inquiryId, holds: await this.holds.history(p.tenantId, inquiryId), retention: (await this.cases.inquiry(p.tenantId, inquiryId)) ?? null };
    });
  }

  placeHold(p: Principal, inquiryId: string, reason: string) {
    return this.tx.run(async () => {
      await this.knownInquiry(p.tenantId, inquiryId);
      if (await this.cases.inquiry(p.tenantId, inquiryId)) {
        throw ProblemException.of(409, 'retention-started', 'This inquiry has already been handed to a retention run; its personal data is being removed.');
      }
      const hold = await this.holds.place(p.tenantId, inquiryId, reason, actor(p));
      if (!hold) throw ProblemException.of(409, 'already-held', 'This inquiry already has an active legal hold.');
      this.log.log(`legal hold placed on ${inquiryId} by ${actor(p)}`);
      return hold;
    });
  }

  liftHold(p: Principal, inquiryId: string, reason: string) {
    return this.tx.run(async () => {
      const hold = await this.holds.lift(p.tenantId, inquiryId, reason, actor(p));
      if (!hold) throw ProblemException.of(404, 'no-hold', 'This inquiry has no active legal hold.');
      this.log.log(`legal hold on ${inquiryId} lifted by ${actor(p)}`);
      return hold;
    });
  }

  private async knownInquiry(tenantId: string, inquiryId: string) {
    if (!(await this.inquiries.find(tenantId, inquiryId))) throw ProblemException.of(404, 'not-found', 'No such inquiry.');
  }

  /** What a run as of `asOf` would remove, per category, and what each service removes of each. */
  async preview(p: Principal, asOf: Date) {
    const categories = await this.tx.run(() => this.cases.preview(p.tenantId, asOf));
    return {
      asOf: asOf.toISOString(),
      dryRun: true,
      inquiries: categories.reduce((n, c) => n + c.inquiries, 0),
      categories,
      services: RETENTION_SERVICES.map((service) => ({ service, removes: REMOVES[service] })),
    };
  }

  /** A run requested by a person (or the CLI): never as of a date still to come. */
  async startRun(p: Principal, asOf: Date): Promise<RunResult> {
    if (asOf.getTime() > Date.now() + 60_000) throw ProblemException.of(400, 'as-of-in-future', 'A retention run cannot anticipate its rules; use dryRun to see what will be due.');
    return this.run(p.tenantId, asOf, actor(p));
  }

  /**
   * Publishes due inquiries batch by batch, each batch in its own transaction with its case rows,
   * at ROUTING_RETENTION_RATE inquiries per second so that live traffic is served first (run-pace.ts). A crash loses nothing: a batch
   * either committed (cases and events together) or is taken again by the next round.
   */
  async run(tenantId: string, asOf: Date, requestedBy: string, stopped: () => boolean = () => false): Promise<RunResult> {
    const runId = randomUUID();
    await this.tx.run(() => this.cases.createRun({ id: runId, tenantId, asOf, requestedBy }));
    let scheduled = 0;
    const started = Date.now();
    for (;;) {
      const n = await this.tx.run(async () => {
        const due = await this.cases.claim(tenantId, asOf, runId, this.config.retentionBatchSize);
        await this.publishDue(tenantId, runId, due);
        return due.length;
      });
      scheduled += n;
      if (n < this.config.retentionBatchSize || stopped()) break;
      const pause = pauseBeforeNextBatch(scheduled, Date.now() - started, this.config.retentionRatePerSecond, this.config.retentionPauseMs);
      await new Promise((r) => setTimeout(r, pause));
    }
    if (!scheduled) await this.tx.run(() => this.cases.dropRunIfEmpty(runId));
    else this.log.log(`retention run ${runId} for ${tenantId}: ${scheduled} inquiries due as of ${asOf.toISOString()}`);
    return { runId: scheduled ? runId : null, asOf: asOf.toISOString(), scheduled };
  }

  /** In the caller's transaction: every service learns of each claimed inquiry. */
  private async publishDue(tenantId: string, runId: string, due: DueInquiry[]): Promise<void> {
    for (const d of due) {
      const payload: InquiryRetentionDuePayload = { inquiryId: d.inquiryId, runId, category: d.category ?? undefined, resolvedAt: d.resolvedAt.toISOString() };
      await this.events.publish(EventTypes.InquiryRetentionDue, payload, { tenantId, correlationId: d.inquiryId });
    }
    await this.cases.countScheduled(runId, due.length);
  }

  /**
   * A person's erasure request (GDPR art. 17) over the inquiries intake found for them: each is
   * removed in every service like a due inquiry, unless something keeps it, which is reported.
   */
  async erase(p: Principal, inquiryIds: string[], reason: string) {
    return this.tx.run(async () => {
      const standing = new Map((await this.erasure.standing(p.tenantId, inquiryIds)).map((s) => [s.inquiryId, s]));
      const outcome = inquiryIds.map((id) => ({ inquiryId: id, reference: standing.get(id)?.reference ?? null, ...erasureVerdict(standing.get(id)) }));
      const erasable = outcome.filter((o) => o.erased).map((o) => o.inquiryId);
      const runId = randomUUID();
      await this.cases.createRun({ id: runId, tenantId: p.tenantId, asOf: new Date(), requestedBy: actor(p), purpose: 'erasure', reason });
      const due = erasable.length ? await this.cases.claimInquiries(p.tenantId, erasable, runId) : [];
      await this.publishDue(p.tenantId, runId, due);
      this.log.log(`erasure run ${runId} by ${actor(p)}: ${due.length} of ${inquiryIds.length} inquiries`);
      const erased = outcome.filter((o) => o.erased).length;
      return { runId, erased, kept: outcome.length - erased, inquiries: outcome };
    });
  }

  /** Routing's copy of the given inquiries, for a person's access request. */
  export(p: Principal, inquiryIds: string[]) {
    return this.exports.read(p, inquiryIds, () => this.erasure.export(p.tenantId, inquiryIds));
  }

  runs(p: Principal) {
    return this.tx.run(() => this.cases.runs(p.tenantId, 50));
  }

  /** A service's confirmation (in the consumer's transaction); a repeated one changes nothing. */
  async recordStep(e: EventEnvelope<InquiryRetentionDonePayload>): Promise<void> {
    const p = e.payload;
    await this.cases.recordStep({ inquiryId: p.inquiryId, service: p.service, runId: p.runId, rows: p.rows, doneAt: new Date(e.occurredAt) });
  }

  async tenantsWithRules(): Promise<string[]> {
    return this.tx.run(() => this.cases.tenants());
  }
}

/** Whether an inquiry may be erased on the person's request, and if not, why it stays. */
export function erasureVerdict(s: ErasureStanding | undefined): { erased: boolean; keptBecause?: string } {
  if (!s) return { erased: false, keptBecause: 'unknown to routing' };
  if (s.started) return { erased: true };
  if (s.held) return { erased: false, keptBecause: `legal hold: ${s.held}` };
  if (!s.resolved) return { erased: false, keptBecause: 'still being handled; erasure can follow once it is resolved' };
  if (s.rule === 'bevaras') return { erased: false, keptBecause: 'public record kept (bevaras) under the archive plan' };
  if (s.channel === 'email' || s.channel === 'letter') return { erased: false, keptBecause: 'registered public record (inbound mail or letter), removed only as the archive plan says' };
  return { erased: true };
}

/** What each service removes or anonymises of an inquiry (shown by a dry run). */
const REMOVES: Record<(typeof RETENTION_SERVICES)[number], string> = {
  intake: "the citizen's text, name and contact data, the thread, e-mail text and addresses, attachments, idempotency records, the tracking token; coordinates coarsened to about 1 km",
  routing: "routing's copy of the text and location, the words the decision cites, notes and reasons, knowledge suggestions and the learned answer",
  notifications: 'the recipient (name, e-mail, phone, tracking link), rendered messages, survey comments',
  reporting: 'free text kept with its events (reasons, location) and its topic words; every KPI stays as it was',
};
