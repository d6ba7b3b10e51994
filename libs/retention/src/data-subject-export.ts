import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@lotsen/identity';
import { UnitOfWork } from '@lotsen/persistence';
import { Principal } from '@lotsen/platform';

/**
 * A service's part of an access request (registerutdrag): what it holds of the person's inquiries,
 * read in one transaction with an audit row per inquiry, so the trail shows who read each case's
 * personal data for a request, service by service.
 */
@Injectable()
export class DataSubjectExport {
  constructor(private readonly tx: UnitOfWork, private readonly audit: AuditTrail) {}

  read<T>(p: Principal, inquiryIds: string[], copy: () => Promise<T>): Promise<T> {
    return this.tx.run(async () => {
      const out = await copy();
      for (const inquiryId of new Set(inquiryIds)) await this.audit.record(p, { action: 'data-subject.export', inquiryId, outcome: 'full', basis: 'access request' });
      return out;
    });
  }
}
