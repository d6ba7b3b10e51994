import { Body, Controller, Get, Headers, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { STAFF_ROLES } from '@lotsen/contracts';
import { accessReason } from '@lotsen/identity';
import { CurrentPrincipal, Principal, ProblemException, Public, Roles, rolesOf } from '@lotsen/platform';
import { AcceptedInquiryDto, AddMessageDto, CreateInquiryDto } from './dto/create-inquiry.dto';
import { InquiriesService } from './inquiries.service';
import { InquirySearchService } from './search/inquiry-search.service';
import { SearchInquiriesQuery } from './search/search-inquiries.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkIdempotencyKey(key?: string): string | undefined {
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw ProblemException.of(400, 'validation', 'Idempotency-Key must be 1–255 visible ASCII characters.');
  return key;
}

@ApiTags('inquiries')
@ApiSecurity('api-key')
@Controller('v1/inquiries')
export class InquiriesController {
  constructor(private readonly inquiries: InquiriesService, private readonly searches: InquirySearchService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Register an inquiry from any channel; answered once it is stored durably' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body returns the first answer' })
  @ApiAcceptedResponse({ type: AcceptedInquiryDto })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateInquiryDto, @Headers('idempotency-key') key?: string) {
    return this.inquiries.create(principal, dto, checkIdempotencyKey(key));
  }

  // Before ':idOrReference', so that "search" is never read as an id or reference.
  @Get('search')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Staff: find inquiries by reference, citizen e-mail, phone number or words, within need-to-know; every search is audited' })
  search(@CurrentPrincipal() principal: Principal, @Query() query: SearchInquiriesQuery) {
    return this.searches.search(principal, query);
  }

  @Get(':id/earlier')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "Staff: the same citizen's other inquiries (by this one's contact data), within need-to-know; audited" })
  earlier(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    if (!UUID.test(id)) throw ProblemException.of(400, 'validation', 'id must be a UUID.');
    return this.searches.earlier(principal, id);
  }

  @Get(':idOrReference')
  @Public()
  @ApiOperation({ summary: 'Staff: GET /v1/inquiries/{id} with a staff key. Citizen: GET /v1/inquiries/{reference}?token=…' })
  @ApiQuery({ name: 'token', required: false })
  @ApiHeader({ name: 'x-access-reason', required: false, description: 'Supervisor: why you read an inquiry beyond your work (kept in the audit trail)' })
  get(
    @Param('idOrReference') idOrReference: string, @Ip() ip: string, @CurrentPrincipal() principal?: Principal, @Query('token') token?: string,
    @Headers('x-access-reason') reason?: string,
  ) {
    if (UUID.test(idOrReference)) {
      if (!principal) throw ProblemException.of(401, 'missing-api-key', 'Sign in (Authorization: Bearer) or send a staff API key in the x-api-key header.');
      if (!rolesOf(principal).some((r) => (STAFF_ROLES as readonly string[]).includes(r))) throw ProblemException.of(403, 'forbidden', 'Only staff can read inquiries by id.');
      return this.inquiries.staffView(principal, idOrReference, accessReason(reason));
    }
    // Malformed tokens go through the same lookup, so they count against the guessing limit too.
    const candidate = typeof token === 'string' && token.length <= 100 && idOrReference.length <= 40 ? token : '';
    return this.inquiries.citizenView(idOrReference, candidate, ip);
  }

  @Post(':id/messages')
  @Public()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add to the thread: a citizen follow-up (channel key or ?token=) or a staff message/note' })
  addMessage(@Param('id') id: string, @Body() dto: AddMessageDto, @CurrentPrincipal() principal?: Principal, @Query('token') token?: string) {
    if (!UUID.test(id)) throw ProblemException.of(404, 'not-found', 'No such inquiry.');
    if (!principal && !token) throw ProblemException.of(401, 'missing-api-key', 'Send an API key, or the tracking token as ?token=.');
    return this.inquiries.addMessage(principal, id, dto, typeof token === 'string' ? token : undefined);
  }
}
