import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@lotsen/platform';
import { toCsv } from './csv';
import { FIGURE_NAMES } from './figures';
import { KpiQueryDto } from './kpi-query.dto';
import { KpiReport, KpisService } from './kpis.service';

const STAFF = ['agent', 'supervisor', 'admin', 'department'];

@ApiTags('kpis')
@ApiSecurity('api-key')
@Controller('v1')
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @Get('kpis')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Key figures of the caller’s municipality over a period, optionally grouped; CSV with Accept: text/csv',
    description: 'Inquiry figures are those of the inquiries received in the period (cohort); phone figures of the calls offered in it; the backlog is taken at the end of the period (or now). Times are business hours on the tenant calendar (opening hours, breaks and holidays, counted as the SLA clocks count them).',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'totals, groups, backlog, goals with status' })
  async get(@CurrentPrincipal() p: Principal, @Query() q: KpiQueryDto, @Res({ passthrough: true }) res: FastifyReply, @Headers('accept') accept?: string) {
    const report = await this.kpis.report(p.tenantId, q);
    if (wantsCsv(accept)) return sendCsv(res, report);
    return report;
  }

  @Get('kpis.csv')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'The same figures as CSV (one row per group, or one row for the period)' })
  @ApiProduces('text/csv')
  async csv(@CurrentPrincipal() p: Principal, @Query() q: KpiQueryDto, @Res({ passthrough: true }) res: FastifyReply) {
    return sendCsv(res, await this.kpis.report(p.tenantId, q));
  }
}

function wantsCsv(accept?: string): boolean {
  if (!accept) return false;
  const csv = accept.indexOf('text/csv');
  const json = accept.indexOf('application/json');
  return csv >= 0 && (json < 0 || csv < json);
}

function sendCsv(res: FastifyReply, r: KpiReport): string {
  const groups = r.groupBy ? r.groupBy.split(',') : [];
  const header = ['from', 'to', ...groups, ...FIGURE_NAMES];
  const rows = (r.groups ?? [{ ...r.totals }]).map((g) => [
    r.from, r.to, ...groups.map((k) => (g as unknown as Record<string, string>)[k]), ...FIGURE_NAMES.map((f) => g[f]),
  ]);
  res.header('content-type', 'text/csv; charset=utf-8');
  res.header('content-disposition', `attachment; filename="kpis-${r.from}-${r.to}${groups.length ? `-by-${groups.join('-')}` : ''}.csv"`);
  return toCsv(header, rows);
}
