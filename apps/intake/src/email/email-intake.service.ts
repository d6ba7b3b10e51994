import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'crypto';
import { isEmail } from 'class-validator';
import { AddressObject, ParsedMail, simpleParser } from 'mailparser';
import { TransactionContext } from '@lotsen/persistence';
import { Principal } from '@lotsen/platform';
import { sha256 } from '../attachments/attachments.service';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import { safeFilename } from '../attachments/content-types';
import { InquiriesService } from '../inquiries/inquiries.service';
import { IntakeConfig } from '../intake.config';
import { EmailRepository } from './email.repository';
import { htmlToText, tidy } from './html-to-text';
import { classifyMail } from './mail-classifier';
import { stripQuotedReply } from './quoted-reply';
import { headerValues, messageIdsIn, readHeaderBlock } from './raw-headers';
import { deliveryIdInMessageId, referenceInPlusAddress, referencesInSubject } from './threading';

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
  | { outcome: 'created'; inquiryId: string; reference: string }
  | { outcome: 'appended'; inquiryId: string; threadedBy: string }
  | { outcome: 'duplicate' }
  | { outcome: 'dropped'; reason: string };

const MAX_STORED_TEXT = 200_000;
const MAX_BODY = 20_000;
const MAX_SUBJECT = 200;
const TRUNCATED = '\n[…]';

class DuplicateMessage extends Error {}

/** An inbound e-mail becomes a new inquiry, or a citizen message on the inquiry it answers, or nothing. */
@Injectable()
export class EmailIntakeService {
  private readonly logger = new Logger('EmailIntake');

  constructor(
    private readonly tx: TransactionContext,
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
    let mail: ParsedMail;
    try {
      mail = await simpleParser(m.raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true });
    } catch {
      throw new SmtpReply(554, '5.6.0 The message could not be parsed as MIME');
    }
    const from = firstAddress(mail.from);
    const fromAddress = from?.address && isEmail(from.address) ? from.address.toLowerCase() : undefined;
    const ownFrom = fromAddress ? await this.emails.isOwnAddress(m.tenantId, fromAddress) : false;
    const verdict = classifyMail({
      headers: block.headers, envelopeFrom: m.envelopeFrom, fromAddress, subject: mail.subject,
      maxReceived: limits.maxReceivedHeaders, isOwnAddress: () => ownFrom,
    });
    if (verdict.kind === 'drop') {
      this.logger.log(`mail ${tag} for ${m.tenantId} dropped: ${verdict.reason} (${verdict.detail})`);
      return { outcome: 'dropped', reason: verdict.reason };
    }

    const attachments = mail.attachments ?? [];
    if (attachments.length > limits.maxAttachments) {
      throw new SmtpReply(552, `5.3.4 Too many attachments: at most ${limits.maxAttachments} per message`);
    }
    if (attachments.some((a) => a.content.length > limits.maxAttachmentBytes)) {
      throw new SmtpReply(552, `5.3.4 Attachment too large: at most ${limits.maxAttachmentBytes} bytes per file`);
    }

    const messageId = normalizeMessageId(mail.messageId) ?? `<sha256-${createHash('sha256').update(m.raw).digest('hex')}@lotsen.invalid>`;
    if (await this.emails.findByMessageId(m.tenantId, messageId)) {
      this.logger.log(`mail ${tag} for ${m.tenantId}: Message-ID stored already, nothing new`);
      return { outcome: 'duplicate' };
    }

    const text = clip(textOf(mail), MAX_STORED_TEXT);
    const subject = mail.subject ? clip(mail.subject.replace(/\s+/g, ' ').trim(), MAX_SUBJECT) : undefined;
    const principal: Principal = { keyId: 'smtp', tenantId: m.tenantId, channel: 'email' };
    const target = await this.threadTarget(m, block.headers, mail.subject);
    const record = {
      tenantId: m.tenantId, messageId, envelopeFrom: m.envelopeFrom, envelopeTo: m.recipients, fromAddress, fromName: from?.name ? clip(from.name, 200) : undefined,
      toHeader: addressText(mail.to), ccHeader: addressText(mail.cc), subject, text, inReplyTo: normalizeMessageId(mail.inReplyTo),
      sentAt: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : undefined, receivedAt: m.receivedAt, sizeBytes: m.raw.length,
    };

    const emailId = randomUUID();
    /** The e-mail record and its attachments, in the same transaction as the inquiry or message they belong to. */
    const keep = async (inquiryId: string, thread?: { messageId: string; by: string }) => {
      if (!(await this.emails.insert({ ...record, id: emailId, inquiryId, threadMessageId: thread?.messageId, threadedBy: thread?.by }))) throw new DuplicateMessage();
      for (const [i, a] of attachments.entries()) {
        // Stored exactly as received: an archive is never opened, so a zip bomb stays small.
        await this.files.insert({
          id: randomUUID(), tenantId: m.tenantId, inquiryId, emailId, source: 'email',
          filename: safeFilename(a.filename, `attachment-${i + 1}`), contentType: safeContentType(a.contentType), sha256: sha256(a.content), content: a.content,
        });
      }
    };

    try {
      let outcome: InboundOutcome;
      if (target) {
        const body = clip(stripQuotedReply(text) || subject || '(no text)', MAX_BODY);
        await this.tx.run(async () => {
          const added = await this.inquiries.addMessage(principal, target.inquiryId, { body });
          await keep(target.inquiryId, { messageId: added.id, by: target.by });
        });
        outcome = { outcome: 'appended', inquiryId: target.inquiryId, threadedBy: target.by };
      } else {
        // register opens its own transaction (its reference number is taken before it) and runs `keep` inside it.
        const accepted = await this.inquiries.register(principal, {
          channel: 'email', subject, body: clip(text || subject || '(no text)', MAX_BODY),
          citizen: fromAddress ? { name: from?.name ? clip(from.name, 200) : undefined, email: fromAddress, notify: true } : undefined,
          receivedAt: m.receivedAt,
          // The Message-ID is the id in the source system: notifications can thread its receipt to it (In-Reply-To).
          externalId: messageId.length <= 200 ? messageId : undefined,
          attachments: attachments.map((a) => ({ filename: safeFilename(a.filename, 'attachment'), contentType: a.contentType, size: a.content.length })),
        }, (a) => keep(a.id));
        outcome = { outcome: 'created', inquiryId: accepted.id, reference: accepted.reference };
      }
      const what = outcome.outcome === 'created' ? `new inquiry ${outcome.reference}` : `appended to ${outcome.inquiryId} (by ${target?.by})`;
      this.logger.log(`mail ${tag} for ${m.tenantId}: ${what}, ${attachments.length} attachment(s), ${m.raw.length} bytes`);
      return outcome;
    } catch (err) {
      if (err instanceof DuplicateMessage) return { outcome: 'duplicate' };
      throw err;
    }
  }

  /** In-Reply-To/References of a message we sent or received, then kontakt+REF@, then [REF] in the subject. */
  private async threadTarget(m: InboundMail, headers: { name: string; value: string }[], subject: string | undefined) {
    const ids = [...headerValues(headers, 'in-reply-to'), ...headerValues(headers, 'references')].flatMap((v) => messageIdsIn(v));
    if (ids.length) {
      const deliveryIds = ids.map(deliveryIdInMessageId).filter((d): d is string => Boolean(d));
      const inquiryId = await this.emails.inquiryForMessageIds(m.tenantId, ids, deliveryIds);
      if (inquiryId) return { inquiryId, by: 'in-reply-to' };
    }
    for (const rcpt of m.recipients) {
      const ref = referenceInPlusAddress(rcpt);
      const inquiryId = ref && (await this.emails.inquiryForReference(m.tenantId, ref));
      if (inquiryId) return { inquiryId, by: 'plus-address' };
    }
    for (const ref of referencesInSubject(subject)) {
      const inquiryId = await this.emails.inquiryForReference(m.tenantId, ref);
      if (inquiryId) return { inquiryId, by: 'subject' };
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
