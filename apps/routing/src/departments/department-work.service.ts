import { Injectable } from '@nestjs/common';
import { AuditTrail, inquiryAccess } from '@lotsen/identity';
import { Principal } from '@lotsen/platform';
import { CatalogueService } from '../catalogue/catalogue.service';
import { RoutingInquiriesRepository } from '../routing/inquiries.repository';
import { WorkItemsRepository } from '../work/work-items.repository';
import { WorkService } from '../work/work.service';

@Injectable()
export class DepartmentWorkService {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly items: WorkItemsRepository,
    private readonly inquiries: RoutingInquiriesRepository,
    private readonly work: WorkService,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Work items with what a department needs to act: the citizen's text, place and due times, for
   * those whose work covers the item (the department itself, cleared staff); others see the list
   * without any text. Each item shown in full is in the audit trail.
   */
  async list(p: Principal, code: string, status: 'queued' | 'assigned') {
    const tenantId = p.tenantId;
    await this.catalogue.department(tenantId, code);
    const items = await this.items.list(tenantId, { department: code, status, limit: 200 });
    const out = [];
    for (const w of items) {
      if (status === 'queued' && w.queue !== 'department') continue;
      const i = await this.inquiries.find(tenantId, w.inquiryId);
      const access = inquiryAccess(p, { tenantId, department: code, sensitive: i?.sensitive ?? false, assignedTo: w.assignedTo });
      if (!access.full) {
        out.push({ id: w.inquiryId, reference: w.reference, category: w.category, type: w.type, status: w.status, enqueuedAt: w.enqueuedAt, redacted: true });
        continue;
      }
      await this.audit.record(p, { action: 'department-work.read', inquiryId: w.inquiryId, outcome: 'full', basis: access.because });
      out.push({
        id: w.inquiryId, reference: w.reference, category: w.category, type: w.type, priority: w.priority, urgent: w.urgent, language: w.language,
        status: w.status, firstResponseDueAt: w.firstResponseDueAt, resolutionDueAt: w.resolutionDueAt, enqueuedAt: w.enqueuedAt,
        subject: i?.subject ?? null, body: i?.body ?? '', location: i?.location ?? null, receivedAt: i?.receivedAt,
      });
    }
    return out;
  }

  async acknowledge(p: Principal, code: string, id: string) {
    await this.catalogue.department(p.tenantId, code);
    return this.work.acknowledge(p, code, id);
  }

  async return(p: Principal, code: string, id: string, reason: string) {
    await this.catalogue.department(p.tenantId, code);
    return this.work.returnToContactCenter(p, id, reason, code);
  }
}
