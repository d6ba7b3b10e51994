import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemException, Roles } from '@lotsen/platform';
import { InquiryIdsDto } from '@lotsen/retention';
import { ErasureDto, LegalHoldDto, PutRetentionRuleDto, StartRetentionRunDto } from './retention.dto';
import { RetentionService } from './retention.service';

const CATEGORY = /^(\*|[a-z0-9_]{1,64})$/;
const notFound = () => ProblemException.of(404, 'not-found', 'No such inquiry.');

@ApiTags('retention')
@ApiSecurity('api-key')
@Controller('v1')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('retention/rules') @Roles('admin', 'supervisor')
  @ApiOperation({ summary: "The tenant's retention rules (category `*` is the default; without a rule an inquiry is kept)" })
  rules(@CurrentPrincipal() p: Principal) {
    return this.retention.listRules(p);
  }

  @Put('retention/rules/:category') @Roles('admin')
  @ApiOperation({ summary: 'Set the rule of a category (or `*`, the default): gallras N months after resolution, or bevaras' })
  putRule(@CurrentPrincipal() p: Principal, @Param('category') category: string, @Body() dto: PutRetentionRuleDto) {
    if (!CATEGORY.test(category)) throw ProblemException.of(400, 'unknown-category', 'A category code is lower-case letters, digits and _, or * for the default.');
    return this.retention.putRule(p, category, dto);
  }

  @Delete('retention/rules/:category') @HttpCode(204) @Roles('admin')
  @ApiOperation({ summary: "Remove a category's rule (the default applies again)" })
  removeRule(@CurrentPrincipal() p: Principal, @Param('category') category: string) {
    return this.retention.removeRule(p, category);
  }

  @Post('retention/runs') @Roles('admin')
  @ApiOperation({ summary: 'Run retention now (or as of a past date); with dryRun, count what would be removed per category' })
  async run(@CurrentPrincipal() p: Principal, @Body() dto: StartRetentionRunDto) {
    const asOf = dto.asOf ? new Date(dto.asOf) : new Date();
    return dto.dryRun ? this.retention.preview(p, asOf) : this.retention.startRun(p, asOf);
  }

  @Get('retention/runs') @Roles('admin', 'supervisor')
  @ApiOperation({ summary: "Recent runs with each service's progress (inquiries confirmed)" })
  runs(@CurrentPrincipal() p: Principal) {
    return this.retention.runs(p);
  }

  @Get('inquiries/:id/retention') @Roles('admin', 'supervisor')
  @ApiOperation({ summary: "An inquiry's legal holds and retention progress per service" })
  inquiry(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe({ exceptionFactory: notFound })) id: string) {
    return this.retention.holdsOf(p, id);
  }

  @Put('inquiries/:id/legal-hold') @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Place a legal hold: nothing of the inquiry is removed until it is lifted' })
  hold(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe({ exceptionFactory: notFound })) id: string, @Body() dto: LegalHoldDto) {
    return this.retention.placeHold(p, id, dto.reason);
  }

  @Post('inquiries/:id/legal-hold/lift') @HttpCode(200) @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Lift the legal hold, with the reason' })
  lift(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe({ exceptionFactory: notFound })) id: string, @Body() dto: LegalHoldDto) {
    return this.retention.liftHold(p, id, dto.reason);
  }

  @Post('data-subjects/export') @HttpCode(200) @Roles('registrar', 'admin')
  @ApiOperation({ summary: "Routing's copy of a person's inquiries (text, decision, history, knowledge) for an access request" })
  export(@CurrentPrincipal() p: Principal, @Body() dto: InquiryIdsDto) {
    return this.retention.export(p, dto.inquiryIds);
  }

  @Post('data-subjects/erasure') @HttpCode(200) @Roles('registrar', 'admin')
  @ApiOperation({ summary: "Erase a person's inquiries in every service where no law keeps them; says why each kept one stays" })
  erase(@CurrentPrincipal() p: Principal, @Body() dto: ErasureDto) {
    return this.retention.erase(p, dto.inquiryIds, dto.reason);
  }
}
