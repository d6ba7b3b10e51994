import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemException } from '@lotsen/platform';
import { CallEventDto } from './call-event.dto';
import { CallsService } from './calls.service';

/** Who may report calls: the telephony platform's `phone` channel key, or a supervisor/admin (manual corrections). */
const CALL_ROLES = ['supervisor', 'admin'];

@ApiTags('calls')
@ApiSecurity('api-key')
@Controller('v1/calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Telephony platform: a call was offered, answered or abandoned (idempotent per callId and event)' })
  @ApiAcceptedResponse({ description: '{callId, event, status: recorded|duplicate}' })
  record(@CurrentPrincipal() principal: Principal, @Body() dto: CallEventDto) {
    const allowed = principal.channel === 'phone' || (principal.role !== undefined && CALL_ROLES.includes(principal.role));
    if (!allowed) throw ProblemException.of(403, 'forbidden', "Call events need the telephony platform's phone channel key or a supervisor/admin key.");
    return this.calls.record(principal, dto);
  }
}
