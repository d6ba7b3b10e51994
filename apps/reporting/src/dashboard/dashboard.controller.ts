import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiPropertyOptional, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Public, Roles } from '@lotsen/platform';
import { DashboardAssets } from './dashboard-assets';
import { DashboardService } from './dashboard.service';

export class DashboardQueryDto {
  @ApiPropertyOptional({ example: '2026-11-01' }) @IsOptional() @IsString() @MaxLength(10) from?: string;
  @ApiPropertyOptional({ example: '2026-11-30' }) @IsOptional() @IsString() @MaxLength(10) to?: string;
  @ApiPropertyOptional({ example: 'web' }) @IsOptional() @IsString() @MaxLength(64) channel?: string;
  @ApiPropertyOptional({ example: 'gata_park' }) @IsOptional() @IsString() @MaxLength(64) department?: string;
}

/**
 * The dashboard: a static page and its files (public: they hold no data), and the JSON the page
 * fetches with the staff key the user entered (kept in the tab's sessionStorage).
 */
@ApiTags('dashboard')
@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardService, private readonly assets: DashboardAssets) {}

  @Get()
  @Public()
  @ApiExcludeEndpoint()
  page(@Res({ passthrough: true }) res: FastifyReply) {
    res.header('content-type', 'text/html; charset=utf-8');
    res.header('cache-control', 'no-cache');
    return this.assets.file('index.html').body;
  }

  @Get('assets/:name')
  @Public()
  @ApiExcludeEndpoint()
  asset(@Param('name') name: string, @Res({ passthrough: true }) res: FastifyReply) {
    const file = this.assets.file(name);
    if (!file) throw new NotFoundException();
    res.header('content-type', file.type);
    res.header('cache-control', 'public, max-age=300');
    return file.body;
  }

  @Get('v1/dashboard')
  @Roles('agent', 'supervisor', 'admin', 'department')
  @ApiSecurity('api-key')
  @ApiOperation({ summary: 'Data of the dashboard page: headline figures against goals, series, backlog, topics' })
  data(@CurrentPrincipal() p: Principal, @Query() q: DashboardQueryDto) {
    return this.dashboard.data(p.tenantId, q);
  }
}
