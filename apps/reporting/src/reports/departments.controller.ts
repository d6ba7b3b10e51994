import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@lotsen/platform';
import { PeriodQueryDto } from '../kpis/kpi-query.dto';
import { DepartmentReportService } from './department-report.service';

@ApiTags('reports')
@ApiSecurity('api-key')
@Controller('v1/reports/departments')
export class DepartmentsReportController {
  constructor(private readonly reports: DepartmentReportService) {}

  @Get(':code')
  @Roles('agent', 'supervisor', 'admin', 'department')
  @ApiOperation({
    summary: 'What citizens ask a department about: categories, types, volume per week, top and rising words (week over week)',
    description: 'Words come from the citizens’ texts with personal data and numbers removed, and are shown only when at least 3 inquiries used them.',
  })
  get(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Query() q: PeriodQueryDto) {
    return this.reports.report(p, code, q);
  }
}
