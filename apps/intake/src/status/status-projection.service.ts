import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import {
  EventEnvelope, InquiryAnsweredPayload, InquiryAssignedPayload, InquiryCaseNumberRecordedPayload, InquiryCitizenAskedPayload, InquiryReopenedPayload, InquiryResolvedPayload,
  InquiryReturnedPayload, InquiryRoutedPayload, InquiryTransferredPayload, NotificationPayload,
} from '@lotsen/contracts';
import { EmailRepository } from '../email/email.repository';
import { InquiriesRepository, StatusChange } from '../inquiries/inquiries.repository';

/** Keeps the citizen-facing status of each inquiry in step with routing's events. */
@Injectable()
export class StatusProjectionService {
  constructor(private readonly inquiries: InquiriesRepository, private readonly emails: EmailRepository) {}

  /** Remembers the Message-ID of each e-mail sent about an inquiry, so the citizen's reply threads back. */
  async notificationSent(e: EventEnvelope<NotificationPayload>): Promise<void> {
    const p = e.payload;
    if (p.channel !== 'email' || !p.inquiryId) return;
    this.emails.rememberOutgoing({ deliveryId: p.deliveryId, tenantId: e.tenantId, inquiryId: p.inquiryId, messageId: p.messageId?.trim() || undefined, sentAt: new Date(e.occurredAt) });
  }

  routed(e: EventEnvelope<InquiryRoutedPayload>): void {
    const p = e.payload;
    this.apply(e, p.inquiryId, 'in_progress', { department: p.department, departmentName: p.departmentName ?? p.department });
  }

  assigned(e: EventEnvelope<InquiryAssignedPayload>): void {
    this.apply(e, e.payload.inquiryId, 'in_progress', { agentName: e.payload.agentName ?? null });
  }

  transferred(e: EventEnvelope<InquiryTransferredPayload>): void {
    this.apply(e, e.payload.inquiryId, 'in_progress', { department: e.payload.toDepartment, departmentName: e.payload.toDepartment, agentName: null });
  }

  returned(e: EventEnvelope<InquiryReturnedPayload>): void {
    this.apply(e, e.payload.inquiryId, 'in_progress', { department: 'kontaktcenter', departmentName: 'kontaktcenter', agentName: null });
  }

  async answered(e: EventEnvelope<InquiryAnsweredPayload>): Promise<void> {
    const p = e.payload;
    // Applied now: only a new answer joins the thread.
    const applied = await this.inquiries.applyStatus(change(e, p.inquiryId, 'answered', { note: p.answer.slice(0, 4000) }));
    const row = applied && (await this.inquiries.findByIdAny(p.inquiryId));
    if (row) {
      await this.inquiries.addMessage({
        id: randomUUID(), inquiryId: p.inquiryId, tenantId: row.tenantId, author: 'staff', visibility: 'public', body: p.answer, at: new Date(e.occurredAt),
      });
    }
  }

  /** A question to the citizen joins the thread as staff's public message (notifications sends it); the case awaits their reply. */
  async citizenAsked(e: EventEnvelope<InquiryCitizenAskedPayload>): Promise<void> {
    const p = e.payload;
    const applied = await this.inquiries.applyStatus(change(e, p.inquiryId, 'awaiting_citizen', {}));
    const row = applied && (await this.inquiries.findByIdAny(p.inquiryId));
    if (row) {
      await this.inquiries.addMessage({
        id: randomUUID(), inquiryId: p.inquiryId, tenantId: row.tenantId, author: 'staff', visibility: 'public', body: p.question, at: new Date(e.occurredAt),
      });
    }
  }

  /** The department's own case number, for the citizen's follow page; the latest one recorded stays. */
  async caseNumberRecorded(e: EventEnvelope<InquiryCaseNumberRecordedPayload>): Promise<void> {
    const p = e.payload;
    await this.inquiries.recordCaseNumber({ inquiryId: p.inquiryId, caseNumber: p.caseNumber, at: new Date(p.at) });
  }

  resolved(e: EventEnvelope<InquiryResolvedPayload>): void {
    this.apply(e, e.payload.inquiryId, 'resolved', { note: e.payload.resolutionCode });
  }

  reopened(e: EventEnvelope<InquiryReopenedPayload>): void {
    this.apply(e, e.payload.inquiryId, 'reopened', { note: e.payload.reason });
  }

  /** Written when the consumer's transaction commits, with the batch's other changes in one statement. */
  private apply(e: EventEnvelope, inquiryId: string, status: string, extra: StatusExtra = {}): void {
    this.inquiries.applyStatusAtCommit(change(e, inquiryId, status, extra));
  }
}

type StatusExtra = { department?: string; departmentName?: string; agentName?: string | null; note?: string };

function change(e: EventEnvelope, inquiryId: string, status: string, extra: StatusExtra): StatusChange {
  return { inquiryId, status, occurredAt: new Date(e.occurredAt), eventId: e.id, ...extra };
}
