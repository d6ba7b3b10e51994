import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lotsen/platform';
import { SuppressionsRepository } from './suppressions.repository';

/** Why a citizen gets no mail: opt-outs and the bounces that still suppress, for staff (addresses masked). */
@ApiTags('preferences')
@ApiSecurity('api-key')
@Controller('v1/suppressions')
export class SuppressionsController {
  constructor(private readonly suppressions: SuppressionsRepository) {}

  @Get()
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Opt-outs (automated messages only) and bounced addresses with the end of their suppression, newest first' })
  async list(@CurrentPrincipal() p: Principal) {
    return { items: await this.suppressions.list(p.tenantId, 500) };
  }
}
