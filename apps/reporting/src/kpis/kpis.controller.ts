import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lotsen/platform';
import { KpisService } from './kpis.service';

@ApiTags('kpis')
@ApiSecurity('api-key')
@Controller('v1/kpis')
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @Get()
  @Roles('agent', 'supervisor', 'admin', 'department')
  @ApiOperation({ summary: 'Key figures of the caller’s municipality over a period' })
  @ApiQuery({ name: 'from', required: false, example: '2026-11-01' })
  @ApiQuery({ name: 'to', required: false, example: '2026-11-30' })
  @ApiQuery({ name: 'groupBy', required: false, enum: ['channel', 'day'] })
  get(@CurrentPrincipal() p: Principal, @Query('from') from?: string, @Query('to') to?: string, @Query('groupBy') groupBy?: string) {
    return this.kpis.volume(p.tenantId, { from, to, groupBy });
  }
}
