import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'crypto';
import { isEmail } from 'class-validator';
import { AddressObject, ParsedMail, simpleParser } from 'mailparser';
import { UnitOfWork } from '@lotsen/persistence';
import { Principal } from '@lotsen/platform';
import { sha256 } from '../attachments/attachments.service';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { safeFilename } from '../attachments/content-types';
import { InquiriesService } from '../inquiries/inquiries.service';
import { IntakeConfig } from '../intake.config';
import { EmailRepository, NewEmailRecord } from './email.repository';
import { htmlToText, tidy } from './html-to-text';
import { AutomaticReason, classifyMail } from './mail-classifier';
import { countMimeParts } from './mime-parts';
import { fromAddressFailedDmarc } from './sender-authentication';
import { stripQuotedReply } from './quoted-reply';
import { headerValues, messageIdsIn, RawHeader, readHeaderBlock } from './raw-headers';
import { deliveryIdInMessageId, normaliseAddress, referenceInPlusAddress, referencesInSubject } from './threading';

/** An SMTP reply that tells the sending server what to do (5xx: give up, 4xx: retry). */
export class SmtpReply extends Error {
  constructor(readonly responseCode: number, message: string) {
    super(message);
  }
}

export interface InboundMail {
  raw: Buffer;
  /** MAIL FROM ('' for the null sender). */
  envelopeFrom: string;
  /** RCPT TO addresses, all routed to `tenantId`. */
  recipients: string[];
  tenantId: string;
  receivedAt: Date;
}

export type InboundOutcome =
  | { outcome: 'created'; inquiryId: string; reference: string; linkedTo?: string }
  | { outcome: 'appended'; inquiryId: string; threadedBy: string }
  | { outcome: 'duplicate' }
  | { outcome: 'registered'; reason: AutomaticReason };

const MAX_STORED_TEXT = 200_000;
const MAX_BODY = 20_000;
const MAX_SUBJECT = 200;
const TRUNCATED = '\n[…]';
const DAY_MS = 86_400_000;

class DuplicateMessage extends Error {}

/** A case an inbound mail names (by header, plus address or subject), and how. */
interface ThreadCandidate {
  inquiryId: string;
  by: 'in-reply-to' | 'plus-address' | 'subject';
}

/**
 * An inbound e-mail is kept in the register, always, and becomes a new inquiry, or a citizen
 * message on the case it answers when it may join that case, or (an automatic mail) nothing more.
 */
@Injectable()
export class EmailIntakeService {
  private readonly logger = new Logger('EmailIntake');

  constructor(
    private readonly tx: UnitOfWork,
    private readonly emails: EmailRepository,
    private readonly files: AttachmentsRepository,
    private readonly inquiries: InquiriesService,
    @Inject(IntakeConfig) private readonly config: IntakeConfig,
  ) {}

  async receive(m: InboundMail): Promise<InboundOutcome> {
    const limits = this.config.smtp;
    const tag = createHash('sha256').update(m.raw).digest('hex').slice(0, 12); // log handle without personal data
    const block = readHeaderBlock(m.raw, limits.maxHeaderBytes);
    if (!block.ok) {
      throw new SmtpReply(552, block.reason === 'header-too-large'
        ? `5.3.4 Message header too large: at most ${limits.maxHeaderBytes} bytes of headers are accepted`
        : '5.3.4 Too many header lines');
    }
    if (countMimeParts(m.raw, limits.maxMimeParts) > limits.maxMimeParts) {
      throw new SmtpReply(552, `5.3.4 Too many MIME parts: at most ${limits.maxMimeParts} per message`);
    }
    let mail: ParsedMail;
    try {
      mail = await simpleParser(m.raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true });
    } catch {
      throw new SmtpReply(554, '5.6.0 The message could not be parsed as MIME');
    }
    const from = firstAddress(mail.from);
    const fromAddress = from?.address && isEmail(from.address) ? normaliseAddress(from.address) : undefined;
    const ownFrom = fromAddress ? await this.emails.isOwnAddress(m.tenantId, fromAddress) : false;
    const verdict = classifyMail({
      headers: block.headers, envelopeFrom: m.envelopeFrom, fromAddress, subject: mail.subject,
      maxReceived: limits.maxReceivedHeaders, isOwnAddress: () => ownFrom,
    });
    // An automatic mail keeps its raw message, not attachment rows (those belong to an inquiry).
    const attachments = verdict.kind === 'person' ? mail.attachments ?? [] : [];
    if (attachments.length > limits.maxAttachments) {
      throw new SmtpReply(552, `5.3.4 Too many attachments: at most ${limits.maxAttachments} per message`);
    }
    if (attachments.some((a) => a.content.length > limits.maxAttachmentBytes)) {
      throw new SmtpReply(552, `5.3.4 Attachment too large: at most ${limits.maxAttachmentBytes} bytes per file`);
    }
    const attachmentBytes = attachments.reduce((n, a) => n + a.content.length, 0);
    if (attachmentBytes > limits.maxAttachmentBytesPerMessage) {
      throw new SmtpReply(552, `5.3.4 Attachments too large: at most ${limits.maxAttachmentBytesPerMessage} bytes per message, all files together`);
    }

    const sender = fromAddress ?? normaliseAddress(m.envelopeFrom) ?? '<>';
    const text = clip(textOf(mail), MAX_STORED_TEXT);
    const subject = mail.subject ? clip(mail.subject.replace(/\s+/g, ' ').trim(), MAX_SUBJECT) : undefined;
    let messageId = normalizeMessageId(mail.messageId) ?? `<sha256-${createHash('sha256').update(m.raw).digest('hex')}@lotsen.invalid>`;
    const sameAsStored = () => this.emails.holdsSameMail(m.tenantId, messageId, { sender, subject, text });
    if (await this.emails.findByMessageId(m.tenantId, messageId)) {
      if (await sameAsStored()) {
        this.logger.log(`mail ${tag} for ${m.tenantId}: Message-ID stored already, nothing new`);
        return { outcome: 'duplicate' };
      }
      // Another mail under a Message-ID we hold (a broken client, or someone reusing it on purpose):
      // registered under an id of its own, never discarded. Delivered again, it finds that id.
      messageId = ownMessageId(messageId, sender, subject, text);
      if (await this.emails.findByMessageId(m.tenantId, messageId)) return { outcome: 'duplicate' };
    }

    // An automatic mail is kept as received (the raw message is the record); a person's mail as text and files.
    const storedBytes = verdict.kind === 'person' ? attachmentBytes : m.raw.length;
    // Checked before anything is taken (a reference number), and again under the sender's lock when storing.
    if (storedBytes > 0) await this.checkSenderQuota(m, sender, storedBytes);
    const referenced = this.referencedIds(block.headers);
    const candidates = await this.threadCandidates(m, referenced, mail.subject);
    const record = {
      tenantId: m.tenantId, messageId, envelopeFrom: m.envelopeFrom, envelopeTo: m.recipients, fromAddress, fromName: from?.name ? clip(from.name, 200) : undefined,
      toHeader: addressText(mail.to), ccHeader: addressText(mail.cc), subject, text, inReplyTo: normalizeMessageId(mail.inReplyTo),
      sentAt: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : undefined, receivedAt: m.receivedAt, sizeBytes: m.raw.length,
      sender, storedBytes, possibleAutoReply: verdict.kind === 'person' && verdict.possibleAutoReply,
    };

    const emailId = randomUUID();
    /** The e-mail record and its attachments, in the same transaction as the inquiry or message they belong to. */
    const keep = async (r: Pick<NewEmailRecord, 'inquiryId' | 'disposition' | 'dispositionDetail' | 'linkedInquiryId' | 'threadMessageId' | 'threadedBy' | 'raw'>) => {
      if (storedBytes > 0) await this.checkSenderQuota(m, sender, storedBytes);
      if (!(await this.emails.insert({ ...record, ...r, id: emailId }))) throw new DuplicateMessage();
      for (const [i, a] of attachments.entries()) {
        // Stored exactly as received: an archive is never opened, so a zip bomb stays small.
        await this.files.insert({
          id: randomUUID(), tenantId: m.tenantId, inquiryId: r.inquiryId as string, emailId, source: 'email',
          filename: safeFilename(a.filename, `attachment-${i + 1}`), contentType: safeContentType(a.contentType), sha256: sha256(a.content), content: a.content,
        });
      }
    };

    try {
      if (verdict.kind === 'automatic') {
        // Registered, answered 250 (the sender stops retrying), and nothing else: no inquiry, no message, no receipt.
        await this.tx.run(() => keep({ disposition: verdict.reason, dispositionDetail: verdict.detail, linkedInquiryId: candidates[0]?.inquiryId, raw: m.raw }));
        this.logger.log(`mail ${tag} for ${m.tenantId} registered only: ${verdict.reason} (${verdict.detail})`);
        return { outcome: 'registered', reason: verdict.reason };
      }
      // A From address the mail system could not vouch for (DMARC failed) proves nothing: it cannot write into a case.
      const trustedFrom = fromAddress && !fromAddressFailedDmarc(block.headers) ? fromAddress : undefined;
      const target = trustedFrom ? await this.joinable(m.tenantId, candidates, trustedFrom, referenced) : undefined;
      let outcome: InboundOutcome;
      if (target) {
        const body = clip(stripQuotedReply(text) || subject || '(no text)', MAX_BODY);
        await this.tx.run(async () => {
          const added = await this.inquiries.addVerifiedCitizenMessage(m.tenantId, target.inquiryId, 'email', body);
          await keep({ inquiryId: target.inquiryId, disposition: 'message', threadMessageId: added.id, threadedBy: target.by });
        });
        outcome = { outcome: 'appended', inquiryId: target.inquiryId, threadedBy: target.by };
      } else {
        // A mail that names a case it may not join is a new inquiry, linked for staff only: the
        // case's citizen never sees it, and the case is not reopened.
        const linkedInquiryId = candidates[0]?.inquiryId;
        const principal: Principal = { keyId: 'smtp', tenantId: m.tenantId, channel: 'email' };
        // register opens its own transaction (its reference number is taken before it) and runs `keep` inside it.
        const accepted = await this.inquiries.register(principal, {
          channel: 'email', subject, body: clip(text || subject || '(no text)', MAX_BODY),
          citizen: fromAddress ? { name: from?.name ? clip(from.name, 200) : undefined, email: fromAddress, notify: true } : undefined,
          receivedAt: m.receivedAt,
          // The Message-ID is the id in the source system: notifications can thread its receipt to it (In-Reply-To).
          externalId: messageId.length <= 200 ? messageId : undefined,
          attachments: attachments.map((a) => ({ filename: safeFilename(a.filename, 'attachment'), contentType: a.contentType, size: a.content.length })),
        }, (a) => keep({ inquiryId: a.id, disposition: 'inquiry', linkedInquiryId }));
        outcome = { outcome: 'created', inquiryId: accepted.id, reference: accepted.reference, ...(linkedInquiryId ? { linkedTo: linkedInquiryId } : {}) };
      }
      const what = outcome.outcome === 'created'
        ? `new inquiry ${outcome.reference}${outcome.linkedTo ? ` (may belong to ${outcome.linkedTo}: not from its citizen)` : ''}`
        : `appended to ${outcome.inquiryId} (by ${target?.by})`;
      this.logger.log(`mail ${tag} for ${m.tenantId}: ${what}, ${attachments.length} attachment(s), ${m.raw.length} bytes${record.possibleAutoReply ? ', subject like an auto-reply' : ''}`);
      return outcome;
    } catch (err) {
      if (!(err instanceof DuplicateMessage)) throw err;
      if (await sameAsStored()) return { outcome: 'duplicate' };
      // Another mail took this Message-ID at the same moment: a temporary failure, the retry is registered under an id of its own.
      throw new Error('Message-ID taken by another mail at the same moment');
    }
  }

  /** 452 once a sender has stored its day's bytes: the sending server tries again later. */
  private async checkSenderQuota(m: InboundMail, sender: string, adding: number): Promise<void> {
    const max = this.config.smtp.maxStoredBytesPerSenderDay;
    const stored = await this.emails.storedBytesSince(m.tenantId, sender, new Date(m.receivedAt.getTime() - DAY_MS));
    if (stored + adding > max) {
      throw new SmtpReply(452, `4.2.2 Daily quota of this sender reached: at most ${max} bytes stored per sender in 24 hours; try again later`);
    }
  }

  private referencedIds(headers: RawHeader[]): { messageIds: string[]; deliveryIds: string[] } {
    const messageIds = [...headerValues(headers, 'in-reply-to'), ...headerValues(headers, 'references')].flatMap((v) => messageIdsIn(v));
    return { messageIds, deliveryIds: messageIds.map(deliveryIdInMessageId).filter((d): d is string => Boolean(d)) };
  }

  /** Cases the mail names, in order: In-Reply-To/References of a message we sent or received, then kontakt+REF@, then [REF] in the subject. */
  private async threadCandidates(m: InboundMail, ids: { messageIds: string[]; deliveryIds: string[] }, subject: string | undefined): Promise<ThreadCandidate[]> {
    const found: ThreadCandidate[] = [];
    const add = (inquiryId: string | undefined, by: ThreadCandidate['by']) => {
      if (inquiryId && !found.some((c) => c.inquiryId === inquiryId)) found.push({ inquiryId, by });
    };
    if (ids.messageIds.length) add(await this.emails.inquiryForMessageIds(m.tenantId, ids.messageIds, ids.deliveryIds), 'in-reply-to');
    for (const rcpt of m.recipients) {
      const ref = referenceInPlusAddress(rcpt);
      if (ref) add(await this.emails.inquiryForReference(m.tenantId, ref), 'plus-address');
    }
    for (const ref of referencesInSubject(subject)) add(await this.emails.inquiryForReference(m.tenantId, ref), 'subject');
    return found;
  }

  /** The first named case this sender may write into as its citizen. */
  private async joinable(tenantId: string, candidates: ThreadCandidate[], sender: string, ids: { messageIds: string[]; deliveryIds: string[] }) {
    for (const c of candidates) {
      if (await this.emails.mayJoin(tenantId, c.inquiryId, sender, ids.messageIds, ids.deliveryIds)) return c;
    }
    return undefined;
  }
}

function firstAddress(a: AddressObject | AddressObject[] | undefined): { address?: string; name?: string } | undefined {
  const obj = Array.isArray(a) ? a[0] : a;
  return obj?.value?.[0];
}

function addressText(a: AddressObject | AddressObject[] | undefined): string | undefined {
  if (!a) return undefined;
  const text = (Array.isArray(a) ? a : [a]).map((x) => x.text).join(', ');
  return text ? clip(text, 2000) : undefined;
}

/** text/plain parts as sent; an HTML-only message converted to text (its markup is never kept). */
function textOf(mail: ParsedMail): string {
  if (mail.text && mail.text.trim()) return tidy(clip(mail.text, MAX_STORED_TEXT * 2));
  if (typeof mail.html === 'string' && mail.html) return htmlToText(clip(mail.html, 2_000_000));
  return '';
}

/** A stable id for a mail that came with a Message-ID another stored mail has. */
function ownMessageId(messageId: string, sender: string, subject: string | undefined, text: string): string {
  const h = createHash('sha256').update([messageId, sender, subject ?? '', text].join('\u0000')).digest('hex').slice(0, 32);
  return `<same-id-${h}@lotsen.invalid>`;
}

export function normalizeMessageId(id: string | undefined): string | undefined {
  const v = (id ?? '').trim();
  if (!v || v.length > 500 || /\s/.test(v)) return undefined;
  return v.startsWith('<') ? v : `<${v}>`;
}

function safeContentType(t: string | undefined): string {
  const v = (t ?? '').toLowerCase().trim();
  return /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(v) && v.length <= 100 ? v : 'application/octet-stream';
}

/** Bounded, and without NUL (Postgres text cannot hold it; a mail that has one must not be retried forever). */
function clip(s: string, max: number): string {
  const clean = s.replace(/\u0000/g, '');
  return clean.length > max ? clean.slice(0, max - TRUNCATED.length) + TRUNCATED : clean;
}
