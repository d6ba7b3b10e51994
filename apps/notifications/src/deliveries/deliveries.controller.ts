import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@lotsen/platform';
import { maskAddress } from '../channels';
import { DeliveriesRepository } from './deliveries.repository';

export class DeliveriesQuery {
  @IsUUID()
  inquiryId: string;
}

/** The delivery log of an inquiry for staff: what was sent when, attempts and what the provider said. */
@ApiTags('deliveries')
@ApiSecurity('api-key')
@Controller('v1/deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesRepository) {}

  @Get()
  @Roles('agent', 'supervisor', 'admin', 'department')
  @ApiOperation({ summary: 'Deliveries of one inquiry (own tenant only; addresses masked).' })
  async list(@Query() q: DeliveriesQuery, @CurrentPrincipal() p: Principal) {
    const rows = await this.deliveries.forInquiry(p.tenantId, q.inquiryId);
    return { inquiryId: q.inquiryId, items: rows.map((r) => ({ ...r, recipient: maskAddress(r.recipient) })) };
  }
}
