import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@lotsen/platform';
import { RegisterPolicyDto, RegisterQueryDto, SecrecyDto } from './register.dto';
import { RegisterService } from './register.service';

// The registrar role takes over from admin (and supervisors read) once staff sign-in provides it.
const READERS = ['registrar', 'admin', 'supervisor'] as const;

@ApiTags('register (diarium)')
@ApiSecurity('api-key')
@Controller('v1/register')
export class RegisterController {
  constructor(private readonly register: RegisterService) {}

  @Get() @Roles(...READERS)
  @ApiOperation({ summary: 'Registered inbound mail and letters, newest first; search by registration date, sender, subject, reference. Secret parts masked without clearance.' })
  list(@CurrentPrincipal() p: Principal, @Query() q: RegisterQueryDto) {
    return this.register.search(p, q);
  }

  @Get('export.csv') @Roles(...READERS)
  @ApiOperation({ summary: 'Every registered document the search finds, as CSV' })
  @ApiProduces('text/csv')
  async export(@CurrentPrincipal() p: Principal, @Query() q: RegisterQueryDto, @Res({ passthrough: true }) res: FastifyReply) {
    const csv = await this.register.exportCsv(p, q);
    res.header('content-type', 'text/csv; charset=utf-8');
    res.header('content-disposition', 'attachment; filename="diarium.csv"');
    return csv;
  }

  @Get('policy') @Roles('registrar', 'admin')
  @ApiOperation({ summary: 'What the register keeps of a document when its case is gallrad' })
  policy(@CurrentPrincipal() p: Principal) {
    return this.register.policy(p);
  }

  @Put('policy') @Roles('admin')
  @ApiOperation({ summary: 'Set what the plan says of the register at gallring: keep-entry (default) or remove-entry' })
  setPolicy(@CurrentPrincipal() p: Principal, @Body() dto: RegisterPolicyDto) {
    return this.register.setPolicy(p, dto);
  }

  @Get(':kind/:id') @Roles(...READERS)
  @ApiOperation({ summary: 'One registered document with its content; secret parts masked without clearance' })
  document(@CurrentPrincipal() p: Principal, @Param('kind') kind: string, @Param('id') id: string) {
    return this.register.document(p, kind, id);
  }

  @Put(':kind/:id/secrecy') @Roles('registrar', 'admin')
  @ApiOperation({ summary: 'Mark a document or part of it secret (sekretess) with the legal ground' })
  markSecret(@CurrentPrincipal() p: Principal, @Param('kind') kind: string, @Param('id') id: string, @Body() dto: SecrecyDto) {
    return this.register.markSecret(p, kind, id, dto);
  }

  @Post(':kind/:id/secrecy/lift') @HttpCode(200) @Roles('registrar', 'admin')
  @ApiOperation({ summary: 'Lift the sekretess mark of a document' })
  lift(@CurrentPrincipal() p: Principal, @Param('kind') kind: string, @Param('id') id: string) {
    return this.register.liftSecrecy(p, kind, id);
  }
}
