import { APP_INTERCEPTOR } from '@nestjs/core';
import { UnitOfWork } from '@lotsen/persistence';
import { AuditTrail } from './audit-trail';
import { AuditChangesInterceptor } from './audited-change';

export * from './audit-trail';
export * from './audit-trail.migration';
export * from './audit.controller';
export * from './audited-change';

/** The service's AuditTrail over its own schema, and @AuditedChange recording (register AuditController beside it). */
export function auditTrailProviders(schema: string) {
  return [
    { provide: AuditTrail, useFactory: (tx: UnitOfWork) => new AuditTrail(tx, schema), inject: [UnitOfWork] },
    { provide: APP_INTERCEPTOR, useClass: AuditChangesInterceptor },
  ];
}
