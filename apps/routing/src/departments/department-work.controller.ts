import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemException, Roles, departmentsOf, rolesOf } from '@lotsen/platform';
import { UUID } from '../routing/routing.controller';
import { ReasonDto } from '../work/work.dto';
import { DepartmentWorkService } from './department-work.service';

const CODE = /^[a-z0-9_]{1,64}$/;

/** Pull API for department systems: their department key's subject is the department code. */
@ApiTags('departments')
@ApiSecurity('api-key')
@Controller('v1/departments/:code/work')
export class DepartmentWorkController {
  constructor(private readonly work: DepartmentWorkService) {}

  private check(p: Principal, code: string, id?: string): void {
    if (!CODE.test(code)) throw ProblemException.of(404, 'unknown-department', 'No such department.');
    if (id !== undefined && !UUID.test(id)) throw ProblemException.of(404, 'not-found', 'No such work item.');
    // A department's own key or caseworker: only that department's work (supervisors see every department's list).
    const own = departmentsOf(p);
    if (rolesOf(p).every((r) => r === 'department') && !own.includes(code)) {
      throw ProblemException.of(403, 'forbidden', `You work for department "${own.join(', ') || '-'}", not "${code}".`);
    }
  }

  @Get() @Roles('department', 'supervisor', 'admin')
  @ApiOperation({ summary: "The department's work: queued items (status=queued, default) or the ones it acknowledged (status=assigned)" })
  @ApiQuery({ name: 'status', required: false, enum: ['queued', 'assigned'] })
  list(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Query('status') status?: string) {
    this.check(p, code);
    if (status !== undefined && status !== 'queued' && status !== 'assigned') throw ProblemException.of(400, 'validation', 'status: queued or assigned');
    return this.work.list(p, code, (status as 'queued' | 'assigned') ?? 'queued');
  }

  @Post(':id/acknowledge') @HttpCode(200) @Roles('department', 'supervisor', 'admin')
  @ApiOperation({ summary: 'The department takes the item (inquiry.assigned); idempotent' })
  acknowledge(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Param('id') id: string) {
    this.check(p, code, id);
    return this.work.acknowledge(p, code, id);
  }

  @Post(':id/return') @HttpCode(200) @Roles('department', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Hand the item back to the contact center (inquiry.returned)' })
  return(@CurrentPrincipal() p: Principal, @Param('code') code: string, @Param('id') id: string, @Body() dto: ReasonDto) {
    this.check(p, code, id);
    return this.work.return(p, code, id, dto.reason);
  }
}
