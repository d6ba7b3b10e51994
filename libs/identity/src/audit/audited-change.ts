import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { mergeMap, Observable } from 'rxjs';
import { Principal } from '@lotsen/platform';
import { AuditTrail } from './audit-trail';

const AUDITED = 'lotsen:audited-change';

/** A configuration change (agreements, categories, templates, goals, agents): recorded once it succeeded, naming who. */
export const AuditedChange = (action: string) => SetMetadata(AUDITED, action);

/** Writes the audit row of an @AuditedChange handler after it answered without error. */
@Injectable()
export class AuditChangesInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector, private readonly trail: AuditTrail) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const action = ctx.getType() === 'http' ? this.reflector.get<string | undefined>(AUDITED, ctx.getHandler()) : undefined;
    if (!action) return next.handle();
    const req = ctx.switchToHttp().getRequest<{ principal?: Principal; params?: Record<string, string> }>();
    return next.handle().pipe(mergeMap(async (out) => {
      if (req.principal) {
        const target = Object.entries(req.params ?? {}).map(([k, v]) => `${k}=${v}`).join(' ') || undefined;
        await this.trail.record(req.principal, { action, target, outcome: 'changed' });
      }
      return out;
    }));
  }
}
