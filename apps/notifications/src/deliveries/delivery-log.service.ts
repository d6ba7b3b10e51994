import { Injectable } from '@nestjs/common';
import { AuditTrail, inquiryAccess } from '@lotsen/identity';
import { Principal } from '@lotsen/platform';
import { maskAddress } from '../channels';
import { RecipientsRepository } from '../triggers/recipients.repository';
import { DeliveriesRepository } from './deliveries.repository';

/**
 * An inquiry's delivery log as a person may see it: addresses (masked) and what the provider said
 * only when their work covers the inquiry; otherwise which messages went out and when.
 */
@Injectable()
export class DeliveryLogService {
  constructor(private readonly deliveries: DeliveriesRepository, private readonly recipients: RecipientsRepository, private readonly audit: AuditTrail) {}

  async list(p: Principal, inquiryId: string) {
    const rows = await this.deliveries.forInquiry(p.tenantId, inquiryId);
    const recipient = await this.recipients.find(inquiryId);
    // Notifications is not told whether an inquiry is sensitive: it assumes it is (clearance needed beyond the handling unit).
    const access = inquiryAccess(p, { tenantId: recipient?.tenantId ?? p.tenantId, department: recipient?.department, sensitive: true });
    if (rows.length) await this.audit.record(p, { action: 'deliveries.read', inquiryId, outcome: access.full ? 'full' : 'redacted', basis: access.because });
    if (!access.full) {
      return { inquiryId, redacted: true, items: rows.map((r) => ({ id: r.id, trigger: r.trigger, channel: r.channel, status: r.status, createdAt: r.createdAt, sentAt: r.sentAt })) };
    }
    return { inquiryId, items: rows.map((r) => ({ ...r, recipient: maskAddress(r.recipient) })) };
  }
}
