import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@lotsen/platform';
import { AuditTrail } from './audit-trail';

export class AuditQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  inquiryId?: string;

  @ApiPropertyOptional({ default: 200, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;
}

@ApiTags('audit')
@ApiSecurity('api-key')
@Controller('v1/audit')
export class AuditController {
  constructor(@Inject(AuditTrail) private readonly trail: AuditTrail) {}

  @Get()
  @Roles('auditor')
  @ApiOperation({ summary: 'Auditor: who read which inquiry or changed what in this service, newest first' })
  async list(@CurrentPrincipal() p: Principal, @Query() q: AuditQuery) {
    return { items: await this.trail.list(p.tenantId, { inquiryId: q.inquiryId, limit: q.limit ?? 200 }) };
  }
}
