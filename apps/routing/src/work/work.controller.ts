import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { accessReason } from '@lotsen/identity';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, ProblemException, Roles } from '@lotsen/platform';
import { UUID } from '../routing/routing.controller';
import { AnswerDto, AskDto, CaseNumberDto, NoteDto, ReasonDto, ResolveDto, TransferDto } from './work.dto';
import { WorkService } from './work.service';

const STAFF = ['agent', 'supervisor', 'admin', 'department'];

function itemId(id: string): string {
  if (!UUID.test(id)) throw ProblemException.of(404, 'not-found', 'No such work item.');
  return id;
}

const ANSWER_KEY = /^[A-Za-z0-9_-]{1,200}$/;

function answerKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!ANSWER_KEY.test(key)) throw ProblemException.of(400, 'bad-idempotency-key', 'Idempotency-Key is 1 to 200 characters of A-Z, a-z, 0-9, _ and -.');
  return key;
}

@ApiTags('work')
@ApiSecurity('api-key')
@Controller('v1/work')
export class WorkController {
  constructor(private readonly work: WorkService) {}

  @Post('next') @HttpCode(200) @Roles(...STAFF)
  @ApiOperation({ summary: 'Claim the best item you are qualified for (204 when there is none)' })
  async next(@CurrentPrincipal() p: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const item = await this.work.claimNext(p);
    if (!item) reply.status(204);
    return item ?? undefined;
  }

  @Get('mine') @Roles(...STAFF)
  @ApiOperation({ summary: 'Items assigned to me (open=true: only those not resolved)' })
  @ApiQuery({ name: 'open', required: false })
  mine(@CurrentPrincipal() p: Principal, @Query('open') open?: string) {
    return this.work.list(p.tenantId, { assignedTo: p.subjectId ?? '-', open: open === 'true', limit: 200 });
  }

  @Get() @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Work items by department, queue and status' })
  @ApiQuery({ name: 'department', required: false }) @ApiQuery({ name: 'queue', required: false }) @ApiQuery({ name: 'status', required: false })
  list(@CurrentPrincipal() p: Principal, @Query('department') department?: string, @Query('queue') queue?: string, @Query('status') status?: string) {
    return this.work.list(p.tenantId, { department: str(department), queue: str(queue), status: str(status), limit: 500 });
  }

  @Get(':id') @Roles(...STAFF)
  @ApiOperation({ summary: 'A work item with the inquiry, suggestions and history when your work covers it; else only that it exists' })
  @ApiHeader({ name: 'x-access-reason', required: false, description: 'Supervisor: why you read beyond your work (kept in the audit trail)' })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Headers('x-access-reason') reason?: string) {
    return this.work.read(p, itemId(id), accessReason(reason));
  }

  @Post(':id/answer') @HttpCode(200) @Roles(...STAFF)
  @ApiOperation({ summary: 'Answer the citizen (inquiry.answered); stops the first-response clock' })
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'A repeat with the same key (double click, retry) answers as the first and reaches the citizen once' })
  answer(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: AnswerDto, @Headers('idempotency-key') key?: string) {
    return this.work.answer(p, itemId(id), dto.text, answerKey(key));
  }

  @Post(':id/ask') @HttpCode(200) @Roles(...STAFF)
  @ApiOperation({ summary: 'Ask the citizen a question (inquiry.citizen.asked); the SLA clocks pause until they reply' })
  ask(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: AskDto) {
    return this.work.ask(p, itemId(id), dto.question);
  }

  @Put(':id/case-number') @HttpCode(200) @Roles(...STAFF)
  @ApiOperation({ summary: "Record the department's own case number (inquiry.case_number.recorded), shown to the citizen; the same number again changes nothing" })
  caseNumber(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: CaseNumberDto) {
    return this.work.recordCaseNumber(p, itemId(id), dto.caseNumber);
  }

  @Post(':id/resolve') @HttpCode(200) @Roles(...STAFF)
  @ApiOperation({ summary: 'Resolve (inquiry.resolved); frees capacity and stops the SLA clocks' })
  resolve(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: ResolveDto) {
    return this.work.resolve(p, itemId(id), dto);
  }

  @Post(':id/transfer') @HttpCode(200) @Roles(...STAFF)
  @ApiOperation({ summary: 'Transfer to a department or an agent, with a reason (inquiry.transferred)' })
  transfer(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: TransferDto) {
    return this.work.transfer(p, itemId(id), dto);
  }

  @Post(':id/return') @HttpCode(200) @Roles(...STAFF)
  @ApiOperation({ summary: 'A department hands the item back to the contact center (inquiry.returned)' })
  return(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.work.returnToContactCenter(p, itemId(id), dto.reason);
  }

  @Post(':id/escalate') @HttpCode(200) @Roles(...STAFF)
  @ApiOperation({ summary: 'Escalate to the supervisor queue' })
  escalate(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: ReasonDto) {
    return this.work.escalate(p, itemId(id), dto.reason);
  }

  @Post(':id/notes') @HttpCode(201) @Roles(...STAFF)
  @ApiOperation({ summary: 'Internal note (never shown to the citizen)' })
  note(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: NoteDto) {
    return this.work.note(p, itemId(id), dto.text);
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v.slice(0, 64) : undefined;
}
