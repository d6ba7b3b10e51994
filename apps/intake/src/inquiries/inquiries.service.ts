import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { EventTypes, InquiryReceivedPayload } from '@lotsen/contracts';
import { EventPublisher } from '@lotsen/messaging';
import { isUniqueViolation, UnitOfWork } from '@lotsen/persistence';
import { containsPersonnummer, Principal, ProblemException } from '@lotsen/platform';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { ServiceDefinitionsRepository } from '../catalogue/service-definitions.repository';
import { DuplicatesRepository } from '../duplicates/duplicates.repository';
import { EmailRepository } from '../email/email.repository';
import { LanguageDetector } from '../language/language-detector';
import { Tenant, TenantsRepository } from '../tenants/tenants.repository';
import { AcceptedInquiryDto, AddMessageDto, CreateInquiryDto } from './dto/create-inquiry.dto';
import { IDEMPOTENCY_KEY_CONSTRAINT, IdempotencyRepository } from './idempotency.repository';
import { InquiriesRepository, InquiryRow } from './inquiries.repository';
import { Sealer } from './sealing';
import { AuditTrail, inquiryAccess, redactedInquiry } from '@lotsen/identity';
import { LookupLimiter } from './lookup-limiter';
import { SubmissionLimiter } from './submission-limits';
import { ReferenceAllocator } from './reference-allocator';
import { canonicalHash, formatReference, hashToken, newTrackingToken, yearIn } from './tracking';

export const SEALER = Symbol('SEALER');

/** What it takes to register an inquiry, whichever interface it came through. */
export interface RegisterInquiryCommand {
  channel: string;
  subject?: string;
  body: string;
  language?: string;
  category?: string;
  type?: string;
  citizen?: { name?: string; email?: string; phone?: string; preferredLanguage?: string; notify?: boolean };
  location?: { address?: string; lat?: number; lon?: number };
  externalId?: string;
  /** Defaults to now. */
  receivedAt?: Date;
  attachments?: object[];
  resolvedAtFirstContact?: boolean;
  /** Open311 extras kept with the inquiry (attribute answers, address_id). */
  open311?: { attributes: Record<string, string[]>; addressId?: string };
  /** Set by the public interfaces (citizen form, Open311): their abuse limits apply. */
  submittedVia?: { via: 'form' | 'open311'; client?: string };
}

const STAFF_CHANNELS = ['phone', 'visit', 'letter'];
/** How far a client's clock may be off when it says when an inquiry came in. */
const CLOCK_SKEW_MS = 5 * 60_000;

@Injectable()
export class InquiriesService {
  private readonly logger = new Logger('Inquiries');

  constructor(
    private readonly tx: UnitOfWork,
    private readonly inquiries: InquiriesRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly tenants: TenantsRepository,
    private readonly services: ServiceDefinitionsRepository,
    private readonly language: LanguageDetector,
    private readonly events: EventPublisher,
    @Inject(SEALER) private readonly sealer: Sealer,
    private readonly duplicates: DuplicatesRepository,
    private readonly files: AttachmentsRepository,
    private readonly references: ReferenceAllocator,
    private readonly lookups: LookupLimiter,
    private readonly audit: AuditTrail,
    private readonly emails: EmailRepository,
    private readonly submissions: SubmissionLimiter,
  ) {}

  /** The JSON API: checks the key's channel and the Idempotency-Key, then the common registration. */
  async create(principal: Principal, dto: CreateInquiryDto, idempotencyKey?: string, submittedVia?: RegisterInquiryCommand['submittedVia']): Promise<AcceptedInquiryDto> {
    this.checkChannel(principal, dto);
    const command: RegisterInquiryCommand = {
      channel: dto.channel, subject: dto.subject, body: dto.body, language: dto.language, category: dto.category,
      type: dto.type, citizen: dto.citizen, location: dto.location, externalId: dto.externalId,
      receivedAt: dto.receivedAt ? new Date(dto.receivedAt) : undefined, attachments: dto.attachments,
      resolvedAtFirstContact: dto.resolvedAtFirstContact, submittedVia,
    };
    const tenant = await this.requireTenant(principal.tenantId);
    const requestHash = idempotencyKey ? canonicalHash({ principal: principal.keyId, dto }) : '';
    let receivedAt: Date;
    try {
      receivedAt = await this.checkRules(tenant, command, principal);
    } catch (err) {
      // A resent request that was answered before gets that answer, even from a client at its limit.
      const limited = err instanceof ProblemException && err.body.status === 429;
      const replay = limited && idempotencyKey ? await this.replay(tenant.id, principal.keyId, idempotencyKey, requestHash) : undefined;
      if (replay) return replay;
      throw err;
    }
    try {
      return await this.store(tenant, principal, command, receivedAt, idempotencyKey, requestHash);
    } catch (err) {
      // A key seen before: its first request's answer (or 422 if the body differs). Looked up only
      // now, so a first request (nearly all of them) costs no extra round trip.
      if (!idempotencyKey || !isUniqueViolation(err, IDEMPOTENCY_KEY_CONSTRAINT)) throw err;
      const replay = await this.replay(tenant.id, principal.keyId, idempotencyKey, requestHash);
      if (!replay) throw err;
      return replay;
    }
  }

  /**
   * Registers an inquiry from a typed command (Open311 and other adapters that do their own
   * parsing): the same rules and the same transaction as the JSON API, without its DTO.
   * `withinTransaction` runs in the registration's own transaction, after the inquiry is stored
   * (an adapter's own records, e.g. the e-mail and its attachments); throwing rolls it all back.
   */
  async register(principal: Principal, command: RegisterInquiryCommand, withinTransaction?: (accepted: AcceptedInquiryDto) => Promise<void>): Promise<AcceptedInquiryDto> {
    if (!principal.role && principal.channel !== command.channel) {
      throw ProblemException.of(403, 'wrong-channel', `This API key may only register '${principal.channel}' inquiries.`);
    }
    const tenant = await this.requireTenant(principal.tenantId);
    const receivedAt = await this.checkRules(tenant, command, principal);
    return this.store(tenant, principal, command, receivedAt, undefined, '', withinTransaction);
  }

  /** Rules every registration obeys; answers the time the inquiry counts as received. */
  private async checkRules(tenant: Tenant, c: RegisterInquiryCommand, principal: Principal): Promise<Date> {
    if (c.category && !(await this.services.find(tenant.id, c.category))) {
      throw ProblemException.of(422, 'unknown-category', `Category '${c.category}' is not in this municipality's service list.`);
    }
    if ((c.location?.lat === undefined) !== (c.location?.lon === undefined)) {
      throw ProblemException.of(400, 'validation', 'location.lat and location.lon must be given together.');
    }
    const receivedAt = c.receivedAt ?? new Date();
    if (receivedAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw ProblemException.of(400, 'validation', 'receivedAt lies in the future.');
    }
    // A backdated inquiry jumps queues and SLA clocks: only staff (and imports under a staff key) may say "it came in earlier".
    if (!principal.role && receivedAt.getTime() < Date.now() - CLOCK_SKEW_MS) {
      throw ProblemException.of(400, 'received-at-in-the-past', `A channel key may not backdate receivedAt by more than ${CLOCK_SKEW_MS / 60_000} minutes; leave it out, or register the inquiry with a staff key.`);
    }
    // Last, so that only a submission we would store counts against its client and addresses.
    if (c.submittedVia) {
      this.submissions.admit({ tenantId: tenant.id, via: c.submittedVia.via, client: c.submittedVia.client, email: c.citizen?.email, phone: c.citizen?.phone });
    }
    return receivedAt;
  }

  /** Registers an inquiry and its `inquiry.received` event in one transaction. */
  private async store(
    tenant: Tenant, principal: Principal, dto: RegisterInquiryCommand, receivedAt: Date, idempotencyKey: string | undefined, requestHash: string,
    withinTransaction?: (accepted: AcceptedInquiryDto) => Promise<void>,
  ): Promise<AcceptedInquiryDto> {
    const text = [dto.subject, dto.body].filter(Boolean).join('\n');
    const language = dto.language ?? this.language.detect(text);
    // Anything the citizen wrote counts: a number in the address or an Open311 answer is as telling.
    const written = [text, dto.location?.address, ...Object.values(dto.open311?.attributes ?? {}).flat()];
    const sensitive = containsPersonnummer(written.filter(Boolean).join('\n'));
    const id = randomUUID();
    const trackingToken = newTrackingToken();
    const citizen = dto.citizen ? { ...dto.citizen, notify: dto.citizen.notify ?? true } : undefined;
    const resolvedAtFirstContact = principal.role && STAFF_CHANNELS.includes(dto.channel) ? dto.resolvedAtFirstContact : undefined;

    const faultReport = dto.type === 'fault_report' || Boolean(dto.category && (await this.services.find(tenant.id, dto.category))?.faultReport);

    // The number comes from a sequence, outside the transaction (it never waits for other commits).
    const year = yearIn(tenant.timezone);
    const reference = formatReference(tenant.referencePrefix, year, await this.references.next(tenant.id, year));
    const answer = await this.tx.run(async () => {
      // A fault someone reported nearby this week and that is still open: linked, and the citizen is told.
      const lat = dto.location?.lat;
      const lon = dto.location?.lon;
      const original = faultReport && dto.category && lat !== undefined && lon !== undefined
        ? await this.duplicates.findOpenNearby({ tenantId: tenant.id, category: dto.category, lat, lon, at: receivedAt })
        : undefined;
      const answer: AcceptedInquiryDto = { id, reference, trackingToken, status: 'received', ...(original ? { duplicateOf: { reference: original.reference } } : {}) };
      this.inquiries.insertAtCommit({
        id, tenantId: tenant.id, reference, trackingTokenHash: hashToken(trackingToken), channel: dto.channel,
        subject: dto.subject, body: dto.body, language, languageDetected: !dto.language, category: dto.category,
        type: dto.type, citizen, location: dto.location, externalId: dto.externalId, sensitive,
        attachments: dto.attachments ?? [], receivedAt, open311: dto.open311, duplicateOf: original?.id, registeredByKey: principal.keyId,
      });
      if (idempotencyKey) {
        this.idempotency.claimAtCommit(tenant.id, principal.keyId, idempotencyKey, { requestHash, inquiryId: id, responseSealed: this.sealer.seal(JSON.stringify(answer)) });
      }
      const payload: InquiryReceivedPayload = {
        // The token travels only to build the receipt's tracking link: without an address there is no receipt.
        inquiryId: id, reference, ...(citizen?.email || citizen?.phone ? { trackingToken } : {}), channel: dto.channel, subject: dto.subject, body: dto.body,
        language, languageDetected: !dto.language, category: dto.category, type: dto.type, citizen,
        location: dto.location, sensitive, receivedAt: receivedAt.toISOString(), externalId: dto.externalId,
        resolvedAtFirstContact, duplicateOf: original?.id,
      };
      await this.events.publish(EventTypes.InquiryReceived, payload, { tenantId: tenant.id, correlationId: id });
      if (withinTransaction) await withinTransaction(answer);
      return answer;
    });
    this.logger.log(`registered ${reference} (${dto.channel}, ${language}${sensitive ? ', sensitive' : ''}${answer.duplicateOf ? `, duplicate of ${answer.duplicateOf.reference}` : ''})`);
    return answer;
  }

  private async replay(tenantId: string, keyId: string, key: string, requestHash: string): Promise<AcceptedInquiryDto | undefined> {
    const previous = await this.idempotency.find(tenantId, keyId, key);
    if (!previous) return undefined;
    if (previous.requestHash !== requestHash) {
      throw ProblemException.of(422, 'idempotency-key-reused', 'This Idempotency-Key was used with a different request body.');
    }
    return JSON.parse(this.sealer.unseal(previous.responseSealed));
  }

  /** The citizen's view: status, public thread and who handles it, nothing else. */
  async citizenView(reference: string, token: string, client?: string) {
    const row = await this.inquiries.findByTracking(reference, hashToken(token));
    if (!row) {
      this.lookups.failed(client);
      throw ProblemException.of(404, 'not-found', 'No case with this reference and token.');
    }
    const thread = await this.inquiries.messages(row.id, false);
    return {
      reference: row.reference,
      status: row.status,
      subject: row.subject,
      channel: row.channel,
      receivedAt: row.receivedAt,
      updatedAt: row.updatedAt,
      handledBy: row.departmentName ?? row.department ?? null,
      caseNumber: row.caseNumber,
      thread: [
        { author: 'citizen', body: row.body, at: row.receivedAt },
        ...thread.map((m) => ({ author: m.author, body: m.body, at: m.createdAt })),
      ],
    };
  }

  /**
   * Everything staff need, for those whose work covers the inquiry (need-to-know); everybody else
   * sees that it exists. Each read is in the audit trail, naming the person, and the full view
   * shows who has seen the case.
   */
  async staffView(principal: Principal, id: string, reason?: string) {
    const row = await this.requireInquiry(principal.tenantId, id);
    const access = inquiryAccess(principal, { tenantId: row.tenantId, department: row.department, sensitive: row.sensitive }, reason);
    await this.audit.record(principal, { action: 'inquiry.read', inquiryId: row.id, outcome: access.full ? 'full' : 'redacted', basis: access.because, reason: access.reason ?? reason });
    if (!access.full) return redactedInquiry(row);
    const thread = await this.inquiries.messages(row.id, true);
    const files = (await this.files.list(row.tenantId, row.id)).map((f) => ({ ...f, size: Number(f.size), url: `/v1/inquiries/${row.id}/attachments/${f.id}` }));
    const seenBy = (await this.audit.list(row.tenantId, { inquiryId: row.id, limit: 200 }))
      .filter((r) => r.outcome === 'full')
      .reverse()
      .map((r) => ({ actor: r.actor, name: r.actorName, kind: r.actorKind, role: r.roles[0] ?? null, readAt: r.at, basis: r.basis, reason: r.reason }));
    // What the e-mail register knows: a case this one may belong to (named by a mail that could not join it), and the reverse.
    const mail = await this.emails.notesFor(row.tenantId, row.id);
    return {
      ...row, thread, files, seenBy, ...(row.sensitive ? { sensitiveReads: seenBy } : {}),
      ...(mail.mayBelongTo ? { mayBelongTo: mail.mayBelongTo } : {}),
      ...(mail.mayBelongHere.length ? { mayBelongHere: mail.mayBelongHere } : {}),
      ...(mail.possibleAutoReply ? { possibleAutoReply: true } : {}),
    };
  }

  /** For reads beside the inquiry itself (attachments): refused unless the caller's work covers it; audited either way. */
  async requireReadable(principal: Principal, id: string, action: string, target?: string): Promise<InquiryRow> {
    const row = await this.requireInquiry(principal.tenantId, id);
    const access = inquiryAccess(principal, { tenantId: row.tenantId, department: row.department, sensitive: row.sensitive });
    await this.audit.record(principal, { action, inquiryId: row.id, target, outcome: access.full ? 'full' : 'redacted', basis: access.because });
    if (!access.full) throw ProblemException.of(403, 'need-to-know', 'This inquiry is not in your work: you may see that it exists, not what it says.');
    return row;
  }

  /**
   * Staff write into any inquiry of their tenant. Anyone else writes as the citizen, and only with
   * the citizen's tracking token or, for a channel key, into an inquiry that key registered itself.
   */
  async addMessage(principal: Principal | undefined, id: string, dto: AddMessageDto, token?: string) {
    const staff = Boolean(principal?.role);
    if (!staff && dto.visibility === 'internal') throw ProblemException.of(403, 'forbidden', 'Only staff can add internal notes.');
    let row: InquiryRow | undefined;
    if (principal && staff) row = await this.inquiries.findById(principal.tenantId, id);
    else {
      if (token) {
        row = await this.inquiries.findByIdAndToken(id, hashToken(token));
        if (row && principal && row.tenantId !== principal.tenantId) row = undefined;
      }
      if (!row && principal) {
        const own = await this.inquiries.findById(principal.tenantId, id);
        if (own && (await this.inquiries.registeredBy(own.id)) === principal.keyId) row = own;
      }
    }
    // The same answer whether the inquiry is missing or someone else's: ids are not probed.
    if (!row) throw ProblemException.of(404, 'not-found', 'No such inquiry.');
    const visibility = staff ? dto.visibility ?? 'public' : 'public';
    return this.append(row, staff ? 'staff' : 'citizen', visibility, principal?.channel ?? (staff ? undefined : 'web'), dto.body);
  }

  /**
   * A citizen message an adapter has established comes from the case's own citizen (the e-mail
   * channel: a reply to our mail to that address, or sent from the case's address).
   */
  async addVerifiedCitizenMessage(tenantId: string, id: string, channel: string, body: string) {
    const row = await this.requireInquiry(tenantId, id);
    return this.append(row, 'citizen', 'public', channel, body);
  }

  /** The citizen's reply from the follow page, to a case that awaits it (reference and tracking token prove it is theirs). */
  async citizenReply(reference: string, token: string, body: string, client?: string) {
    const row = await this.inquiries.findByTracking(reference, hashToken(token));
    if (!row) {
      this.lookups.failed(client);
      throw ProblemException.of(404, 'not-found', 'No case with this reference and token.');
    }
    if (row.status !== 'awaiting_citizen') throw ProblemException.of(409, 'not-awaiting-reply', 'This case does not await a reply.');
    return this.append(row, 'citizen', 'public', 'web', body);
  }

  private async append(inquiry: InquiryRow, author: 'staff' | 'citizen', visibility: string, channel: string | undefined, body: string) {
    const messageId = randomUUID();
    await this.tx.run(async () => {
      await this.inquiries.addMessage({ id: messageId, inquiryId: inquiry.id, tenantId: inquiry.tenantId, author, visibility, channel, body });
      // The citizen's words answer the question they were asked: the case is being handled again.
      if (author === 'citizen' && inquiry.status === 'awaiting_citizen') {
        await this.inquiries.applyStatus({ inquiryId: inquiry.id, status: 'in_progress', occurredAt: new Date(), eventId: messageId });
      }
      await this.events.publish(
        EventTypes.InquiryMessageAdded,
        { inquiryId: inquiry.id, messageId, author, visibility, body, channel },
        { tenantId: inquiry.tenantId, correlationId: inquiry.id },
      );
    });
    return { id: messageId, inquiryId: inquiry.id, author, visibility };
  }

  async requireInquiry(tenantId: string, id: string): Promise<InquiryRow> {
    const row = await this.inquiries.findById(tenantId, id);
    if (!row) throw ProblemException.of(404, 'not-found', 'No such inquiry.');
    return row;
  }

  private async requireTenant(id: string): Promise<Tenant> {
    const t = await this.tenants.findById(id);
    if (!t) throw ProblemException.of(403, 'unknown-tenant', 'The key belongs to no active municipality.');
    return t;
  }

  private checkChannel(principal: Principal, dto: CreateInquiryDto): void {
    if (principal.role) return; // staff register phone calls, visits and letters on any channel
    if (principal.channel !== dto.channel) {
      throw ProblemException.of(403, 'wrong-channel', `This API key may only register '${principal.channel}' inquiries.`);
    }
    if (dto.resolvedAtFirstContact !== undefined) {
      throw ProblemException.of(403, 'forbidden', 'Only staff can mark an inquiry resolved at first contact.');
    }
  }
}
