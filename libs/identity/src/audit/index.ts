import { TransactionContext } from '@lotsen/persistence';
import { AuditTrail } from './audit-trail';

export * from './audit-trail';
export * from './audit-trail.migration';
export * from './audit.controller';

/** The service's AuditTrail over its own schema (register AuditController beside it). */
export function auditTrailProviders(schema: string) {
  return [{ provide: AuditTrail, useFactory: (tx: TransactionContext) => new AuditTrail(tx, schema), inject: [TransactionContext] }];
}
