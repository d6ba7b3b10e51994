import { Injectable, Logger } from '@nestjs/common';
import {
  EventEnvelope, EventTypes, InquiryClassifiedPayload, InquiryReceivedPayload, InquiryResolvedPayload, InquiryRoutedPayload,
} from '@lotsen/contracts';
import { EventContext, EventPublisher } from '@lotsen/messaging';
import { UnitOfWork } from '@lotsen/persistence';
import { AuditTrail, inquiryAccess } from '@lotsen/identity';
import { Metrics, Principal, ProblemException } from '@lotsen/platform';
import type { Counter } from 'prom-client';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import { ClassificationService } from '../classification/classification.service';
import { SlaService } from '../sla/sla.service';
import { WorkItemsRepository } from '../work/work-items.repository';
import { CONTACT_CENTER, decide, handlingUnit } from './decision';
import { DecisionsRepository } from './decisions.repository';
import { RoutingInquiriesRepository } from './inquiries.repository';
import { ReceivedInquiries, StoredInquiry } from './received-inquiries';

/** AMQP priority on lotsen.work: higher is more urgent (our priority 1 is the highest). */
export const workPriority = (priority: number) => 6 - priority;

/**
 * inquiry.received → classify → apply the agreement → persist the decision with its reasons and
 * the work item → start SLA clocks → publish inquiry.classified, inquiry.routed and (for department
 * work) the work item on lotsen.work. Runs inside the consumer's transaction with its inbox row.
 */
@Injectable()
export class RoutingService {
  private readonly log = new Logger('Routing');
  private readonly decided: Counter<string>;

  constructor(
    private readonly tx: UnitOfWork,
    private readonly inquiries: RoutingInquiriesRepository,
    private readonly received: ReceivedInquiries,
    private readonly decisions: DecisionsRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly classification: ClassificationService,
    private readonly sla: SlaService,
    private readonly work: WorkItemsRepository,
    private readonly events: EventPublisher,
    metrics: Metrics,
    private readonly audit: AuditTrail,
  ) {
    this.decided = metrics.counter('routing_decisions_total', 'Routing decisions by queue', ['queue', 'urgent']);
  }

  /** Stores the batch's inquiries at once (ReceivedInquiries), then routes each under its own event. */
  async route(events: Array<EventEnvelope<InquiryReceivedPayload>>): Promise<void> {
    const stored = await this.received.store(events);
    await EventContext.each(events, (e, i) => this.routeOne(e, stored[i]));
  }

  private async routeOne(e: EventEnvelope<InquiryReceivedPayload>, { classification, given, fresh, agreement }: StoredInquiry): Promise<void> {
    const p = e.payload;
    const tenantId = e.tenantId;
    if (!fresh) {
      this.log.log(`inquiry ${p.inquiryId} was routed already; skipping a second inquiry.received`);
      return;
    }
    const settings = await this.sla.tenantSettings(tenantId);
    const d = decide({
      classification,
      threshold: classification?.triageThreshold ?? this.classification.threshold,
      givenCategory: given?.active ? { code: given.code, department: given.department } : undefined,
      givenType: p.type,
      agreement,
      defaults: { firstResponseHours: settings.defaultFirstResponseHours, resolutionHours: settings.defaultResolutionHours },
    });
    if (p.category && !given?.active) d.reasons.unshift(`the channel's category "${p.category}" is not in the catalogue; classified instead`);

    const closedAtContact = p.resolvedAtFirstContact === true;
    const start = new Date(p.receivedAt);
    const due = closedAtContact
      ? {}
      : await this.sla.start({ tenantId, inquiryId: p.inquiryId, department: d.department, start }, d.slaHours);
    if (closedAtContact) d.reasons.push('resolved at first contact by the registering agent');

    this.decisions.insert({
      ...d, inquiryId: p.inquiryId, tenantId, language: p.language, modelVersion: classification?.modelVersion ?? null,
      classification: classification
        ? { department: classification.department, category: classification.category, type: classification.type, confidence: classification.confidence,
          typeConfidence: classification.typeConfidence, urgent: classification.urgent, firstContactResolvable: classification.firstContactResolvable,
          language: classification.language, explanation: classification.explanation, alternatives: classification.alternatives }
        : null,
      firstResponseDueAt: due.first_response, resolutionDueAt: due.resolution,
    });
    this.work.insert({
      inquiryId: p.inquiryId, tenantId, reference: p.reference, department: d.department, queue: d.queue, category: d.category,
      topicDepartment: d.topicDepartment, type: d.type, language: p.language, priority: d.priority, urgent: d.urgent,
      status: closedAtContact ? 'resolved' : 'queued', assignedTo: null, firstResponseDueAt: due.first_response ?? null,
      resolutionDueAt: due.resolution ?? null, resolvedAt: closedAtContact ? new Date() : null,
    });
    this.work.addHistoryAtCommit({ inquiryId: p.inquiryId, tenantId, action: 'routed', actor: 'routing', details: { department: d.department, queue: d.queue, reasons: d.reasons } });

    if (classification) {
      const classified: InquiryClassifiedPayload = {
        inquiryId: p.inquiryId, department: classification.department, category: classification.category ?? undefined, type: d.type,
        firstContactResolvable: classification.firstContactResolvable, urgent: classification.urgent, language: p.language,
        confidence: classification.confidence, modelVersion: String(classification.modelVersion),
      };
      await this.events.publish(EventTypes.InquiryClassified, classified, { tenantId });
    }
    const department = d.department === 'triage' ? undefined : await this.departmentName(tenantId, d.department);
    const routed: InquiryRoutedPayload = {
      inquiryId: p.inquiryId, reference: p.reference, department: d.department, departmentName: department ?? (d.department === 'triage' ? 'Kontaktcenter' : d.department),
      category: d.category ?? undefined, type: d.type, queue: d.queue, priority: d.priority, urgent: d.urgent,
      firstResponseDueAt: due.first_response?.toISOString(), resolutionDueAt: due.resolution?.toISOString(), reasons: d.reasons,
    };
    const routedEvent = await this.events.publish(EventTypes.InquiryRouted, routed, { tenantId });
    if (d.queue === 'department') {
      // The department must act, so its work message carries the citizen's text (never on lotsen.events).
      const work = { ...routedEvent, payload: { ...routed, inquiry: { channel: p.channel, subject: p.subject, body: p.body, language: p.language, location: p.location, receivedAt: p.receivedAt } } };
      await this.events.publishWork(work, { routingKey: `${tenantId}.${d.department}`, priority: workPriority(d.priority) });
    }
    this.tx.afterCommit(() => this.decided.inc({ queue: d.queue, urgent: String(d.urgent) }));
    if (closedAtContact) {
      await this.inquiries.recordResolution(p.inquiryId, { department: d.topicDepartment, type: d.type, firstContact: true });
      const resolved: InquiryResolvedPayload = {
        inquiryId: p.inquiryId, department: CONTACT_CENTER, category: d.category ?? undefined, resolutionCode: 'resolved_at_first_contact',
        resolvedAtFirstContact: true, byContactCenter: true,
      };
      // after inquiry.routed, so a status projection ordering by occurredAt ends on resolved
      await this.events.publish(EventTypes.InquiryResolved, resolved, { tenantId, occurredAt: new Date(Date.now() + 1) });
    }
  }

  private readonly names = new Map<string, { name: string | undefined; until: number }>();

  /** Department display names change rarely: cached for a minute. */
  private async departmentName(tenantId: string, code: string): Promise<string | undefined> {
    const key = `${tenantId}\u0000${code}`;
    const hit = this.names.get(key);
    if (hit && hit.until > Date.now()) return hit.name;
    const name = (await this.catalogue.department(tenantId, code))?.name.sv;
    if (this.names.size > 10000) this.names.clear();
    this.names.set(key, { name, until: Date.now() + 60_000 });
    return name;
  }

  /** GET /v1/inquiries/{id}/routing: the decision, its reasons, and where the inquiry is now. */
  /**
   * The decision as a person may see it: in full (history with notes) when their work covers the
   * inquiry; otherwise where it went and why, and for a sensitive one not even why.
   */
  async viewFor(p: Principal, inquiryId: string, reason?: string) {
    const full = await this.view(p.tenantId, inquiryId);
    const inquiry = await this.inquiries.find(p.tenantId, inquiryId);
    const department = full.now?.department ?? full.decision.department;
    const access = inquiryAccess(p, {
      tenantId: p.tenantId, department: handlingUnit(department), sensitive: inquiry?.sensitive ?? false, assignedTo: full.now?.assignedTo,
    }, reason);
    await this.audit.record(p, { action: 'routing.read', inquiryId, outcome: access.full ? 'full' : 'redacted', basis: access.because, reason: access.reason ?? reason });
    if (access.full) return full;
    // The classifier's reasons explain where an inquiry went (contact-center staff tell citizens);
    // the history holds staff notes, and a sensitive inquiry's reasons echo what it is about.
    const { reasons, classification, ...decision } = full.decision;
    const explained = inquiry?.sensitive ? decision : { ...decision, reasons, classification };
    return { inquiryId, decision: explained, now: full.now && { ...full.now, assignedTo: undefined }, redacted: true as const };
  }

  async view(tenantId: string, inquiryId: string) {
    const decision = await this.decisions.find(tenantId, inquiryId);
    if (!decision) throw ProblemException.of(404, 'not-found', 'No routing decision for this inquiry (unknown, or not routed yet).');
    const item = await this.work.find(tenantId, inquiryId);
    return {
      inquiryId,
      decision: {
        department: decision.department, queue: decision.queue, category: decision.category, type: decision.type, topicDepartment: decision.topic_department,
        priority: decision.priority, urgent: decision.urgent, firstContactResolvable: decision.first_contact_resolvable, language: decision.language,
        confidence: decision.confidence, modelVersion: decision.model_version, agreementVersion: decision.agreement_version, reasons: decision.reasons,
        classification: decision.classification, firstResponseDueAt: decision.first_response_due_at, resolutionDueAt: decision.resolution_due_at,
        decidedAt: decision.decided_at,
      },
      now: item && {
        department: item.department, queue: item.queue, status: item.status, assignedTo: item.assignedTo, priority: item.priority,
        overflowStage: item.overflowStage, firstResponseDueAt: item.firstResponseDueAt, resolutionDueAt: item.resolutionDueAt,
      },
      history: await this.work.history(inquiryId),
    };
  }
}
