import { Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { accessReason } from '@lotsen/identity';
import { CurrentPrincipal, Principal, ProblemException, Roles } from '@lotsen/platform';
import { RoutingService } from './routing.service';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('routing')
@ApiSecurity('api-key')
@Controller('v1/inquiries')
export class RoutingController {
  constructor(private readonly routing: RoutingService) {}

  @Get(':id/routing') @Roles('agent', 'supervisor', 'admin', 'department')
  @ApiOperation({ summary: 'The routing decision, its reasons, and where the inquiry is now' })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Headers('x-access-reason') reason?: string) {
    if (!UUID.test(id)) throw ProblemException.of(404, 'not-found', 'No such inquiry.');
    return this.routing.viewFor(p, id, accessReason(reason));
  }
}
