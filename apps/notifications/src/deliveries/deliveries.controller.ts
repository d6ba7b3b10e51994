import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@lotsen/platform';
import { DeliveryLogService } from './delivery-log.service';

export class DeliveriesQuery {
  @IsUUID()
  inquiryId: string;
}

/** The delivery log of an inquiry for staff: what was sent when, attempts and what the provider said. */
@ApiTags('deliveries')
@ApiSecurity('api-key')
@Controller('v1/deliveries')
export class DeliveriesController {
  constructor(private readonly log: DeliveryLogService) {}

  @Get()
  @Roles('agent', 'supervisor', 'admin', 'department')
  @ApiOperation({ summary: 'Deliveries of one inquiry (own tenant only; addresses masked).' })
  async list(@Query() q: DeliveriesQuery, @CurrentPrincipal() p: Principal) {
    return this.log.list(p, q.inquiryId);
  }
}
