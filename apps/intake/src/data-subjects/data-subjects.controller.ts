import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lotsen/platform';
import { DataSubjectDto, RectificationDto } from './data-subjects.dto';
import { DataSubjectsService } from './data-subjects.service';
import { RectificationService } from './rectification.service';

@ApiTags('citizen rights')
@ApiSecurity('api-key')
@Controller('v1/data-subjects')
export class DataSubjectsController {
  constructor(private readonly subjects: DataSubjectsService, private readonly rectification: RectificationService) {}

  @Post('search') @HttpCode(200) @Roles('registrar', 'admin')
  @ApiOperation({ summary: "Everything intake holds about a person (registerutdrag, or what an erasure covers); recorded" })
  search(@CurrentPrincipal() p: Principal, @Body() dto: DataSubjectDto) {
    return this.subjects.find(p, dto);
  }

  @Post('rectify') @HttpCode(200) @Roles('registrar', 'admin')
  @ApiOperation({ summary: "Corrects a person's contact data in every inquiry that carries it, and in every service's copy; recorded" })
  rectify(@CurrentPrincipal() p: Principal, @Body() dto: RectificationDto) {
    return this.rectification.rectify(p, dto);
  }

  @Get('requests') @Roles('registrar', 'admin', 'auditor')
  @ApiOperation({ summary: 'Access and erasure requests: who asked, when, about whom (masked), and what came of it' })
  requests(@CurrentPrincipal() p: Principal) {
    return this.subjects.requests(p);
  }
}
