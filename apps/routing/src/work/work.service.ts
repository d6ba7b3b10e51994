import { createHash } from 'crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  EventEnvelope, EventTypes, InquiryAnsweredPayload, InquiryAssignedPayload, InquiryCaseNumberRecordedPayload, InquiryCitizenAskedPayload, InquiryMessageAddedPayload, InquiryReopenedPayload,
  InquiryResolvedPayload, InquiryReturnedPayload, InquiryTransferredPayload,
} from '@lotsen/contracts';
import { EventPublisher } from '@lotsen/messaging';
import { Access, AuditTrail, inquiryAccess } from '@lotsen/identity';
import { departmentsOf, Principal, ProblemException } from '@lotsen/platform';
import { UnitOfWork } from '@lotsen/persistence';
import { AgentsRepository } from '../agents/agents.repository';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import { KnowledgeService } from '../knowledge/knowledge.service';
import { CONTACT_CENTER, handlingUnit } from '../routing/decision';
import { RoutingInquiriesRepository } from '../routing/inquiries.repository';
import { workPriority } from '../routing/routing.service';
import { SlaService } from '../sla/sla.service';
import { AnswerRequestsRepository, REPEAT_WINDOW_SECONDS } from './answer-requests.repository';
import { claimRefusal, rankCandidates } from './ranking';
import { WorkItem, WorkItemsRepository } from './work-items.repository';

const REFUSALS = {
  'not-available': 'Set your presence to available to take work.',
  'over-capacity': 'You hold as many items as your capacity allows; resolve or transfer one first.',
  inactive: 'This agent is deactivated.',
} as const;

const isContactCenter = (department: string) => handlingUnit(department) === CONTACT_CENTER;

/** Agent work: claim the best next item atomically, and the actions that move an item on. */
@Injectable()
export class WorkService {
  private readonly log = new Logger('Work');

  constructor(
    private readonly tx: UnitOfWork,
    private readonly items: WorkItemsRepository,
    private readonly agents: AgentsRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly inquiries: RoutingInquiriesRepository,
    private readonly knowledge: KnowledgeService,
    private readonly sla: SlaService,
    private readonly events: EventPublisher,
    private readonly audit: AuditTrail,
    private readonly answerRequests: AnswerRequestsRepository,
  ) {}

  /** Need-to-know over a work item: its handling unit, its assignee, the inquiry's sensitivity. */
  access(p: Principal, item: WorkItem, sensitive: boolean, reason?: string): Access {
    return inquiryAccess(p, { tenantId: item.tenantId, department: handlingUnit(item.department), sensitive, assignedTo: item.assignedTo }, reason);
  }

  /** A person's read of a work item: the full view when their work covers it, else only that it exists; audited either way. */
  async read(p: Principal, id: string, reason?: string) {
    const item = await this.items.find(p.tenantId, id);
    if (!item) throw ProblemException.of(404, 'not-found', 'No such work item.');
    const inquiry = await this.inquiries.find(p.tenantId, id);
    const access = this.access(p, item, inquiry?.sensitive ?? false, reason);
    await this.audit.record(p, { action: 'work-item.read', inquiryId: id, outcome: access.full ? 'full' : 'redacted', basis: access.because, reason: access.reason ?? reason });
    if (!access.full) return redactedWorkItem(item);
    return this.view(p.tenantId, id);
  }

  private actor(p: Principal): string {
    return p.subjectId ?? `key:${p.keyId}`;
  }

  /**
   * The best queued item the calling agent is qualified for, assigned to it atomically: the agent
   * row is locked (its own concurrent claims queue up behind its capacity check) and the item is
   * taken with FOR UPDATE SKIP LOCKED, so two agents or two instances never get the same item.
   */
  async claimNext(p: Principal) {
    return this.tx.run(async () => {
      if (!p.subjectId) throw ProblemException.of(404, 'unknown-agent', 'This API key is not linked to an agent.');
      const agent = await this.agents.find(p.tenantId, p.subjectId, true);
      if (!agent) throw ProblemException.of(404, 'unknown-agent', `No agent "${p.subjectId}" in this tenant.`);
      const refusal = claimRefusal(agent, await this.items.load(p.tenantId, agent.id));
      if (refusal) throw ProblemException.of(409, refusal, REFUSALS[refusal]);
      for (const c of rankCandidates(await this.items.candidates(p.tenantId, agent))) {
        const item = await this.items.lockQueued(p.tenantId, c.inquiryId);
        if (!item) continue;
        await this.assign(item, agent.id, agent.name, this.actor(p), 'claimed');
        return this.view(p.tenantId, item.inquiryId);
      }
      return null;
    });
  }

  private async assign(item: WorkItem, agentId: string, agentName: string, actor: string, action: string) {
    await this.items.update(item.inquiryId, { status: 'assigned', assignedTo: agentId, assignedAt: new Date() });
    await this.items.addHistory({ inquiryId: item.inquiryId, tenantId: item.tenantId, action, actor, details: { agentId } });
    const assigned: InquiryAssignedPayload = { inquiryId: item.inquiryId, agentId, agentName, department: item.department };
    await this.events.publish(EventTypes.InquiryAssigned, assigned, { tenantId: item.tenantId });
  }

  async view(tenantId: string, id: string) {
    const item = await this.items.find(tenantId, id);
    if (!item) throw ProblemException.of(404, 'not-found', 'No such work item.');
    const inquiry = await this.inquiries.find(tenantId, id);
    // Suggested when an agent looks at the item, not at routing time: routing stays fast, and
    // answers given since the inquiry arrived are included.
    const suggestions = inquiry && item.status !== 'resolved' ? await this.knowledge.suggest(tenantId, inquiry.subject, inquiry.body, id) : item.suggestions;
    return {
      ...item,
      suggestions,
      inquiry: inquiry && { reference: inquiry.reference, channel: inquiry.channel, subject: inquiry.subject, body: inquiry.body, language: inquiry.language, location: inquiry.location, receivedAt: inquiry.receivedAt },
      history: await this.items.history(id),
    };
  }

  list(tenantId: string, f: { department?: string; queue?: string; status?: string; assignedTo?: string; open?: boolean; limit: number }) {
    return this.items.list(tenantId, f);
  }

  /** Loads and locks an item the caller may act on: its own, its department's, or any for supervisors. */
  private async actionable(p: Principal, id: string, opts: { allowResolved?: boolean } = {}): Promise<WorkItem> {
    const item = await this.items.find(p.tenantId, id, true);
    if (!item) throw ProblemException.of(404, 'not-found', 'No such work item.');
    const mine = item.assignedTo !== null && item.assignedTo === p.subjectId;
    const lead = p.role === 'supervisor' || p.role === 'admin';
    const department = departmentsOf(p).includes(item.department);
    if (!mine && !lead && !department) throw ProblemException.of(403, 'not-your-item', 'This item is assigned to someone else (claim work with POST /v1/work/next).');
    if (item.status === 'resolved' && !opts.allowResolved) throw ProblemException.of(409, 'already-resolved', 'This item is resolved.');
    return item;
  }

  /**
   * With an Idempotency-Key, a repeat (double click, retry) answers as the first did and sends
   * nothing again; the same key for another answer is refused. Without one, the same text by the
   * same person within REPEAT_WINDOW_SECONDS is a repeat.
   */
  async answer(p: Principal, id: string, text: string, idempotencyKey?: string) {
    return this.tx.run(async () => {
      const bodyHash = createHash('sha256').update(text).digest('base64url');
      const actor = this.actor(p);
      // Without a key, the key is the answer itself, for the repeat window only.
      const key = idempotencyKey ?? `auto:${createHash('sha256').update(`${id}\n${actor}\n${bodyHash}`).digest('base64url')}`;
      const outcome = await this.answerRequests.claim({ tenantId: p.tenantId, key, inquiryId: id, actor, bodyHash }, idempotencyKey ? undefined : REPEAT_WINDOW_SECONDS);
      if (outcome === 'conflict') throw ProblemException.of(422, 'idempotency-key-reused', 'This Idempotency-Key was used for another answer.');
      if (outcome === 'repeat') return this.view(p.tenantId, id);
      const item = await this.actionable(p, id);
      const inquiry = (await this.inquiries.find(p.tenantId, id))!;
      await this.items.update(id, { status: 'answered', answeredAt: new Date(), assignedTo: item.assignedTo ?? actor });
      await this.sla.stop(id, ['first_response']);
      await this.items.addHistory({ inquiryId: id, tenantId: p.tenantId, action: 'answered', actor });
      await this.knowledge.learn({
        tenantId: p.tenantId, inquiryId: id, subject: inquiry.subject, body: inquiry.body, answer: text, language: inquiry.language,
        category: item.category, department: item.topicDepartment, sensitive: inquiry.sensitive,
      });
      const payload: InquiryAnsweredPayload = {
        inquiryId: id, reference: item.reference, answer: text, answeredBy: actor, department: item.department, byContactCenter: isContactCenter(item.department),
      };
      await this.events.publish(EventTypes.InquiryAnswered, payload, { tenantId: p.tenantId });
      return this.view(p.tenantId, id);
    });
  }

  /**
   * A question to the citizen (inquiry.citizen.asked, sent to them by notifications): the item
   * awaits their reply with its SLA clocks standing still. Asking again while waiting only sends
   * the new question.
   */
  async ask(p: Principal, id: string, question: string) {
    return this.tx.run(async () => {
      const item = await this.actionable(p, id);
      if (item.status !== 'awaiting_citizen') {
        const at = new Date();
        await this.items.update(id, { status: 'awaiting_citizen', statusBeforePause: item.status, pausedAt: at });
        await this.sla.pause(id, at);
      }
      await this.items.addHistory({ inquiryId: id, tenantId: p.tenantId, action: 'asked_citizen', actor: this.actor(p), details: { question } });
      const payload: InquiryCitizenAskedPayload = { inquiryId: id, reference: item.reference, question, askedBy: this.actor(p), department: item.department };
      await this.events.publish(EventTypes.InquiryCitizenAsked, payload, { tenantId: p.tenantId });
      return this.view(p.tenantId, id);
    });
  }

  /**
   * The citizen's reply to a question: the paused clocks run again, due later by the pause, and
   * the item is back where it was. A second delivery finds nothing paused and changes nothing.
   */
  private async resumeAfterReply(item: WorkItem, e: EventEnvelope<InquiryMessageAddedPayload>): Promise<void> {
    const due = await this.sla.resume({ tenantId: e.tenantId, inquiryId: item.inquiryId, department: handlingUnit(item.department), at: new Date(e.occurredAt) });
    const back = item.status === 'awaiting_citizen' ? { status: item.statusBeforePause ?? (item.assignedTo ? 'assigned' : 'queued') } : {};
    await this.items.update(item.inquiryId, {
      ...back, pausedAt: null, statusBeforePause: null,
      ...(due.first_response ? { firstResponseDueAt: due.first_response } : {}),
      ...(due.resolution ? { resolutionDueAt: due.resolution } : {}),
    } as Partial<WorkItem>);
    await this.items.addHistory({
      inquiryId: item.inquiryId, tenantId: e.tenantId, action: 'citizen_replied', actor: 'citizen',
      details: { pausedSince: item.pausedAt!.toISOString(), ...Object.fromEntries(Object.entries(due).map(([k, v]) => [`${k}DueAt`, v!.toISOString()])) },
    });
  }

  /**
   * The case number the department's own case-management system gave the item (diarienummer),
   * published for the citizen's follow page. The same number again changes nothing and publishes
   * nothing; another one replaces it.
   */
  async recordCaseNumber(p: Principal, id: string, caseNumber: string) {
    return this.tx.run(async () => {
      const item = await this.actionable(p, id);
      if (item.caseNumber === caseNumber) return this.view(p.tenantId, id);
      await this.items.update(id, { caseNumber });
      await this.items.addHistory({
        inquiryId: id, tenantId: p.tenantId, action: 'case_number_recorded', actor: this.actor(p),
        details: { caseNumber, ...(item.caseNumber ? { previous: item.caseNumber } : {}) },
      });
      const payload: InquiryCaseNumberRecordedPayload = {
        inquiryId: id, department: handlingUnit(item.department), caseNumber, recordedBy: this.actor(p), at: new Date().toISOString(),
      };
      await this.events.publish(EventTypes.InquiryCaseNumberRecorded, payload, { tenantId: p.tenantId });
      return this.view(p.tenantId, id);
    });
  }

  async resolve(p: Principal, id: string, dto: { resolutionCode: string; resolvedAtFirstContact?: boolean; category?: string }) {
    return this.tx.run(async () => {
      const item = await this.actionable(p, id);
      let category = item.category;
      let topic = item.topicDepartment;
      if (dto.category) {
        const c = await this.catalogue.category(p.tenantId, dto.category);
        if (!c) throw ProblemException.of(422, 'unknown-category', `No category with code "${dto.category}".`);
        category = c.code;
        topic = c.department;
      }
      const byContactCenter = isContactCenter(item.department);
      const atFirstContact = dto.resolvedAtFirstContact ?? false;
      await this.items.update(id, { status: 'resolved', resolvedAt: new Date(), category });
      await this.sla.stop(id, ['first_response', 'resolution']);
      await this.items.addHistory({ inquiryId: id, tenantId: p.tenantId, action: 'resolved', actor: this.actor(p), details: { resolutionCode: dto.resolutionCode } });
      // The final owner labels the next training run: a department that acted, else the topic.
      const finalDepartment = byContactCenter ? (dto.category || item.department !== 'triage' ? topic : 'triage') : item.department;
      await this.inquiries.recordResolution(id, { department: finalDepartment, type: item.type, firstContact: atFirstContact || byContactCenter });
      const payload: InquiryResolvedPayload = {
        inquiryId: id, department: handlingUnit(item.department), category: category ?? undefined,
        resolutionCode: dto.resolutionCode, resolvedAtFirstContact: atFirstContact, byContactCenter, resolvedBy: this.actor(p),
      };
      await this.events.publish(EventTypes.InquiryResolved, payload, { tenantId: p.tenantId });
      return this.view(p.tenantId, id);
    });
  }

  async transfer(p: Principal, id: string, dto: { toDepartment?: string; toAgentId?: string; reason: string }) {
    if (!dto.toDepartment && !dto.toAgentId) throw ProblemException.of(400, 'validation', 'Give toDepartment or toAgentId.');
    return this.tx.run(async () => {
      const item = await this.actionable(p, id);
      const agent = dto.toAgentId ? await this.agents.find(p.tenantId, dto.toAgentId) : undefined;
      if (dto.toAgentId && (!agent || !agent.active)) throw ProblemException.of(422, 'unknown-agent', `No active agent "${dto.toAgentId}".`);
      const to = dto.toDepartment ?? agent!.department;
      const dept = await this.catalogue.department(p.tenantId, to);
      if (!dept || !dept.active) throw ProblemException.of(422, 'unknown-department', `No active department with code "${to}".`);
      const queue = to === CONTACT_CENTER ? 'first_line' : 'department';
      await this.items.update(id, {
        department: to, queue, status: 'queued', assignedTo: null, assignedAt: null, enqueuedAt: new Date(), overflowStage: 0,
      });
      await this.items.addHistory({ inquiryId: id, tenantId: p.tenantId, action: 'transferred', actor: this.actor(p), details: { from: item.department, to, toAgentId: dto.toAgentId, reason: dto.reason } });
      const payload: InquiryTransferredPayload = { inquiryId: id, fromDepartment: item.department, toDepartment: to, toAgentId: dto.toAgentId, reason: dto.reason };
      const event = await this.events.publish(EventTypes.InquiryTransferred, payload, { tenantId: p.tenantId });
      if (agent) {
        await this.assign({ ...item, department: to }, agent.id, agent.name, this.actor(p), 'assigned');
      } else if (queue === 'department') {
        await this.events.publishWork(event, { routingKey: `${p.tenantId}.${to}`, priority: workPriority(item.priority) });
      }
      return this.view(p.tenantId, id);
    });
  }

  /** A department hands the item back to the contact center. */
  async returnToContactCenter(p: Principal, id: string, reason: string, department?: string) {
    return this.tx.run(async () => {
      const item = await this.actionable(p, id);
      if (department && item.department !== department) throw ProblemException.of(404, 'not-found', `No work item of ${department} with this id.`);
      if (isContactCenter(item.department)) throw ProblemException.of(409, 'not-with-a-department', 'The item is with the contact center already.');
      await this.items.update(id, {
        department: CONTACT_CENTER, queue: 'first_line', status: 'queued', assignedTo: null, assignedAt: null, enqueuedAt: new Date(), overflowStage: 0,
      });
      await this.items.addHistory({ inquiryId: id, tenantId: p.tenantId, action: 'returned', actor: this.actor(p), details: { from: item.department, reason } });
      const payload: InquiryReturnedPayload = { inquiryId: id, fromDepartment: item.department, reason };
      await this.events.publish(EventTypes.InquiryReturned, payload, { tenantId: p.tenantId });
      return this.view(p.tenantId, id);
    });
  }

  /** To the supervisor queue (there is no escalation event: the item's history records it). */
  async escalate(p: Principal, id: string, reason: string) {
    return this.tx.run(async () => {
      await this.actionable(p, id);
      await this.items.update(id, { queue: 'supervisor', status: 'queued', assignedTo: null, assignedAt: null, overflowStage: 2 });
      await this.items.addHistory({ inquiryId: id, tenantId: p.tenantId, action: 'escalated', actor: this.actor(p), details: { reason } });
      return this.view(p.tenantId, id);
    });
  }

  async note(p: Principal, id: string, text: string) {
    return this.tx.run(async () => {
      await this.actionable(p, id, { allowResolved: true });
      await this.items.addHistory({ inquiryId: id, tenantId: p.tenantId, action: 'note', actor: this.actor(p), details: { text } });
      return this.view(p.tenantId, id);
    });
  }

  /** Department system: take a queued item of its department (it owns it from now on). */
  async acknowledge(p: Principal, department: string, id: string) {
    return this.tx.run(async () => {
      const item = await this.items.find(p.tenantId, id, true);
      if (!item || item.department !== department) throw ProblemException.of(404, 'not-found', `No work item of ${department} with this id.`);
      if (item.status !== 'queued') {
        if (item.assignedTo === department) return this.view(p.tenantId, id); // acknowledging twice is harmless
        throw ProblemException.of(409, 'not-queued', `The item is ${item.status}${item.assignedTo ? ` (${item.assignedTo})` : ''}.`);
      }
      const dept = await this.catalogue.department(p.tenantId, department);
      await this.assign(item, department, dept?.name.sv ?? department, this.actor(p), 'acknowledged');
      return this.view(p.tenantId, id);
    });
  }

  /**
   * A citizen's follow-up: on a resolved item it reopens it (inquiry.reopened, back in the queue,
   * first-response clock restarted); on an open item it is recorded in the history.
   */
  async citizenFollowUp(e: EventEnvelope<InquiryMessageAddedPayload>): Promise<void> {
    const m = e.payload;
    if (m.author !== 'citizen') return;
    const item = await this.items.find(e.tenantId, m.inquiryId, true);
    if (!item) return; // not routed here (yet): nothing to reopen
    await this.items.addHistory({ inquiryId: item.inquiryId, tenantId: e.tenantId, action: 'citizen_message', actor: 'citizen', details: { messageId: m.messageId } });
    if (item.pausedAt) await this.resumeAfterReply(item, e);
    if (item.status !== 'resolved') return;
    const queue = isContactCenter(item.department) ? 'first_line' : 'department';
    const department = handlingUnit(item.department);
    const settings = await this.sla.tenantSettings(e.tenantId);
    const due = await this.sla.start(
      { tenantId: e.tenantId, inquiryId: item.inquiryId, department, start: new Date(e.occurredAt) },
      { first_response: settings.defaultFirstResponseHours },
    );
    await this.items.update(item.inquiryId, {
      department, queue, status: 'queued', assignedTo: null, assignedAt: null, resolvedAt: null, enqueuedAt: new Date(), overflowStage: 0,
      firstResponseDueAt: due.first_response ?? null,
    });
    await this.items.addHistory({ inquiryId: item.inquiryId, tenantId: e.tenantId, action: 'reopened', actor: 'citizen', details: {} });
    const payload: InquiryReopenedPayload = { inquiryId: item.inquiryId, reason: 'citizen follow-up after resolution' };
    const event = await this.events.publish(EventTypes.InquiryReopened, payload, { tenantId: e.tenantId });
    if (queue === 'department') await this.events.publishWork(event, { routingKey: `${e.tenantId}.${department}`, priority: workPriority(item.priority) });
  }
}

/** What anybody may see of a work item outside their work: where it is and how far it has come, no text. */
export function redactedWorkItem(w: WorkItem) {
  return {
    inquiryId: w.inquiryId, reference: w.reference, category: w.category, type: w.type, department: w.department, queue: w.queue,
    status: w.status, enqueuedAt: w.enqueuedAt, redacted: true as const,
  };
}
