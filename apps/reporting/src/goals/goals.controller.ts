import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { AuditedChange } from '@lotsen/identity';
import { CurrentPrincipal, Principal, Roles } from '@lotsen/platform';
import { GOAL_KPI_NAMES } from './goal-definitions';
import { GoalsService } from './goals.service';

export class SetGoalDto {
  @ApiProperty({ example: 75, description: 'Percent for *Pct KPIs, 1–5 for csatAverage, hours for *Hours' })
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(100000) target: number;

  @ApiPropertyOptional({ example: 20, description: 'phoneServiceLevelPct only: answered within this many seconds' })
  @IsOptional() @IsInt() @Min(0) @Max(3600) thresholdSeconds?: number;
}

@ApiTags('goals')
@ApiSecurity('api-key')
@Controller('v1/goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  @Get()
  @Roles('agent', 'supervisor', 'admin', 'department')
  @ApiOperation({ summary: `The municipality's goals (KPIs: ${GOAL_KPI_NAMES.join(', ')})` })
  list(@CurrentPrincipal() p: Principal) {
    return this.goals.list(p.tenantId);
  }

  @Get(':kpi')
  @Roles('agent', 'supervisor', 'admin', 'department')
  @ApiOperation({ summary: 'One goal' })
  get(@CurrentPrincipal() p: Principal, @Param('kpi') kpi: string) {
    return this.goals.get(p.tenantId, kpi);
  }

  @Put(':kpi')
  @AuditedChange('goal.change')
  @Roles('admin')
  @ApiOperation({ summary: 'Set (create or change) a goal — admin only' })
  set(@CurrentPrincipal() p: Principal, @Param('kpi') kpi: string, @Body() dto: SetGoalDto) {
    return this.goals.set(p.tenantId, kpi, dto.target, dto.thresholdSeconds, p.subjectId ?? p.keyId);
  }

  @Delete(':kpi')
  @AuditedChange('goal.delete')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a goal — admin only' })
  async remove(@CurrentPrincipal() p: Principal, @Param('kpi') kpi: string) {
    await this.goals.remove(p.tenantId, kpi);
  }
}
