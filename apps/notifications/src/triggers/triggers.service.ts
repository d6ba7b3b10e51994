import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  EventEnvelope, EventTypes, InquiryAnsweredPayload, InquiryAssignedPayload, InquiryCitizenAskedPayload, InquiryMessageAddedPayload, InquiryReceivedPayload,
  InquiryResolvedPayload, InquiryRoutedPayload, InquiryTransferredPayload, SlaPayload,
} from '@lotsen/contracts';
import { EventContext } from '@lotsen/messaging';
import { DeliveryPlanner } from '../deliveries/delivery-planner.service';
import { NotificationsConfig } from '../notifications.config';
import { TenantSettingsService } from '../settings/tenant-settings';
import { SurveysService } from '../surveys/surveys.service';
import { DeferredTriggersRepository } from './deferred-triggers.repository';
import { Recipient, recipientOf, RecipientsRepository, StoreOutcome } from './recipients.repository';
import { StatusChange, statusNews } from './status-news';
import { statusUpdateAllowed } from './status-window';

/**
 * What each consumed event means for the citizen. Runs inside the transaction the transport
 * opened for the event (with its inbox row), so a redelivered event plans nothing twice. Receipts
 * and routings come in batches (EventBatchPattern): their recipients are stored or moved set-based.
 *
 * | event                         | message          | when                                              |
 * |-------------------------------|------------------|---------------------------------------------------|
 * | inquiry.received              | receipt          | an address was given (even with notify=false)     |
 * | routed / assigned / transferred | status update  | notify=true; news only (status-news); never in the |
 * |                               |                  | window of the receipt or of the last update       |
 * | inquiry.answered              | the answer       | always (it is what the citizen asked for)         |
 * | inquiry.message.added         | staff message    | public and by staff, always (like an answer)      |
 * | inquiry.citizen.asked         | staff message    | always: the question (the citizen is to reply)    |
 * | inquiry.resolved              | survey invitation| notify=true; one survey per inquiry               |
 * | inquiry.sla.breached          | apology          | the tenant enabled it                             |
 *
 * An address that opted out gets no automated message, but still the answer; one that bounced
 * gets nothing for NOTIFICATIONS_BOUNCE_SUPPRESSION_DAYS (the delivery is logged as `suppressed`). Events that arrive before their inquiry.received wait in deferred_triggers.
 */
@Injectable()
export class TriggersService {
  private readonly logger = new Logger('Triggers');

  constructor(
    private readonly recipients: RecipientsRepository,
    private readonly deferred: DeferredTriggersRepository,
    private readonly planner: DeliveryPlanner,
    private readonly surveys: SurveysService,
    private readonly settings: TenantSettingsService,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
  ) {}

  /** A batch of receipts (one per inquiry, see batchCalls): their recipients stored in one statement. */
  async received(events: Array<EventEnvelope<InquiryReceivedPayload>>): Promise<void> {
    const recipients = events.map((e) => recipientOf(e));
    const stored = await this.recipients.insertMany(recipients);
    await EventContext.each(events, (e, i) => this.receivedOne(e, recipients[i], stored.get(e.payload.inquiryId) ?? 'exists'));
  }

  private async receivedOne(e: EventEnvelope<InquiryReceivedPayload>, recipient: Recipient, stored: StoreOutcome): Promise<void> {
    const p = e.payload;
    if (stored === 'exists') return;
    const early = stored === 'replaced-placeholder' ? await this.deferred.take(p.inquiryId) : [];
    // Routed before its receipt could go out: the receipt names the owner (and its replay below is no news then).
    const owner = early.filter((x) => x.type === EventTypes.InquiryRouted).pop() as EventEnvelope<InquiryRoutedPayload> | undefined;
    if (owner) {
      const { department, departmentName } = owner.payload;
      recipient = (await this.recipients.moveToDepartment(p.inquiryId, e.tenantId, department, departmentName)) ?? recipient;
      const told = statusNews('routed', department, undefined);
      if (told && recipient.lastStatusAt) await this.recipients.setLastStatusAt(p.inquiryId, recipient.lastStatusAt, told.heard);
    }
    // Staff registering a phone call they closed at once need not send a receipt for it.
    if (!p.resolvedAtFirstContact) await this.planner.plan({ event: e, recipient, trigger: 'receipt' });
    for (const x of early) await this.dispatch(x);
  }

  /** A batch of routings (one per inquiry): the recipients that are there moved in one statement. */
  async routed(events: Array<EventEnvelope<InquiryRoutedPayload>>): Promise<void> {
    const moves = events.map((e) => ({ inquiryId: e.payload.inquiryId, tenantId: e.tenantId, department: e.payload.department, departmentName: e.payload.departmentName }));
    const moved = await this.recipients.moveManyToDepartment(moves);
    await EventContext.each(events, (e) => this.routedOne(e, moved));
  }

  /** `moved`: the recipients the batch moved; one it did not is another tenant's, or not there yet. */
  private async routedOne(e: EventEnvelope<InquiryRoutedPayload>, moved?: Map<string, Recipient>): Promise<void> {
    const p = e.payload;
    const r = moved?.get(p.inquiryId) ?? (await this.moveRecipient(e, p.inquiryId, p.department, p.departmentName, { tried: moved !== undefined }));
    if (r) await this.statusUpdate(e, r, 'routed', p.department);
  }

  async assigned(e: EventEnvelope<InquiryAssignedPayload>): Promise<void> {
    const r = await this.recipientFor(e, e.payload.inquiryId, true);
    if (r) await this.statusUpdate(e, r, 'assigned', e.payload.department);
  }

  async transferred(e: EventEnvelope<InquiryTransferredPayload>): Promise<void> {
    const r = await this.moveRecipient(e, e.payload.inquiryId, e.payload.toDepartment);
    if (r) await this.statusUpdate(e, r, 'transferred', e.payload.toDepartment);
  }

  async answered(e: EventEnvelope<InquiryAnsweredPayload>): Promise<void> {
    const r = await this.recipientFor(e, e.payload.inquiryId);
    if (r) await this.planner.plan({ event: e, recipient: r, trigger: 'answer', values: { answer: e.payload.answer } });
  }

  /** A public staff message reaches the citizen like an answer; internal notes and the citizen's own words never do. */
  async messageAdded(e: EventEnvelope<InquiryMessageAddedPayload>): Promise<void> {
    const p = e.payload;
    if (p.author !== 'staff' || p.visibility !== 'public') return;
    const r = await this.recipientFor(e, p.inquiryId);
    if (r) await this.planner.plan({ event: e, recipient: r, trigger: 'staff_message', values: { answer: p.body } });
  }

  /** A question to the citizen goes out like a public staff message (its wording invites a reply). */
  async citizenAsked(e: EventEnvelope<InquiryCitizenAskedPayload>): Promise<void> {
    const r = await this.recipientFor(e, e.payload.inquiryId);
    if (r) await this.planner.plan({ event: e, recipient: r, trigger: 'staff_message', values: { answer: e.payload.question } });
  }

  async resolved(e: EventEnvelope<InquiryResolvedPayload>): Promise<void> {
    const r = await this.recipientFor(e, e.payload.inquiryId);
    if (!r || !r.notify || !this.planner.reachable(r)) return;
    const survey = await this.surveys.create(r, e.payload.department);
    if (survey) await this.planner.plan({ event: e, recipient: r, trigger: 'survey_invitation', values: { surveyUrl: survey.url } });
  }

  async slaBreached(e: EventEnvelope<SlaPayload>): Promise<void> {
    const settings = await this.settings.get(e.tenantId);
    if (!settings.slaApologyEnabled) return;
    const r = await this.recipientFor(e, e.payload.inquiryId);
    if (!r) return;
    // The honest new estimate: the missed due time (or now, if later) plus the tenant's margin.
    const base = Math.max(Date.parse(e.payload.dueAt) || 0, Date.now());
    const expectedBy = new Date(base + settings.slaApologyExtensionHours * 3600_000);
    await this.planner.plan({ event: e, recipient: r, trigger: 'sla_apology', values: { expectedBy } });
  }

  private async statusUpdate(e: EventEnvelope, r: Recipient, change: StatusChange, department: string): Promise<void> {
    if (!r.notify) return;
    const news = statusNews(change, department, r.heardStatus);
    if (!news) return;
    const now = new Date();
    // The recipient row is locked (recipientFor(…, lock)), so two status events racing in
    // parallel cannot both see an open window. The receipt opened the first window.
    if (!statusUpdateAllowed(r.lastStatusAt, now, this.config.statusWindowSeconds * 1000)) return;
    const planned = await this.planner.plan({ event: e, recipient: r, trigger: 'status_update', values: { status: news.status } });
    if (planned) await this.recipients.setLastStatusAt(r.inquiryId, now, news.heard);
  }

  /**
   * Moves the inquiry's recipient to a department and answers it, locked. Nearly always it is there
   * and one statement does it (`tried`: that statement found none); otherwise as recipientFor
   * (another tenant's, or deferred).
   */
  private async moveRecipient(
    e: EventEnvelope, inquiryId: string, department: string, departmentName?: string, { tried } = { tried: false },
  ): Promise<Recipient | undefined> {
    const move = () => this.recipients.moveToDepartment(inquiryId, e.tenantId, department, departmentName);
    return (tried ? undefined : await move()) ?? ((await this.recipientFor(e, inquiryId, true)) ? move() : undefined);
  }

  /** The inquiry's recipient, or undefined after deferring the event until inquiry.received arrives. */
  private async recipientFor(e: EventEnvelope, inquiryId: string, lock = false): Promise<Recipient | undefined> {
    let r = await this.recipients.find(inquiryId, { lock });
    if (!r) {
      await this.recipients.insertPlaceholder(inquiryId, e.tenantId);
      r = await this.recipients.find(inquiryId, { lock });
    }
    if (!r) {
      await this.deferred.defer(inquiryId, e);
      this.logger.log(`${e.type} ${e.id} arrived before inquiry.received; deferred`);
      return undefined;
    }
    if (r.tenantId !== e.tenantId) {
      this.logger.warn(`${e.type} ${e.id} names an inquiry of another tenant; ignored`);
      return undefined;
    }
    return r;
  }

  private dispatch(e: EventEnvelope): Promise<void> {
    switch (e.type) {
      case EventTypes.InquiryRouted: return this.routedOne(e as EventEnvelope<InquiryRoutedPayload>);
      case EventTypes.InquiryAssigned: return this.assigned(e as EventEnvelope<InquiryAssignedPayload>);
      case EventTypes.InquiryTransferred: return this.transferred(e as EventEnvelope<InquiryTransferredPayload>);
      case EventTypes.InquiryAnswered: return this.answered(e as EventEnvelope<InquiryAnsweredPayload>);
      case EventTypes.InquiryMessageAdded: return this.messageAdded(e as EventEnvelope<InquiryMessageAddedPayload>);
      case EventTypes.InquiryCitizenAsked: return this.citizenAsked(e as EventEnvelope<InquiryCitizenAskedPayload>);
      case EventTypes.InquiryResolved: return this.resolved(e as EventEnvelope<InquiryResolvedPayload>);
      case EventTypes.SlaBreached: return this.slaBreached(e as EventEnvelope<SlaPayload>);
      default: return Promise.resolve();
    }
  }
}
