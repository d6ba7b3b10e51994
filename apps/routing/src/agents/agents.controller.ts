import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AuditedChange } from '@lotsen/identity';
import { CurrentPrincipal, Principal, ProblemException, Roles } from '@lotsen/platform';
import { AgentDto, PresenceDto } from './agents.dto';
import { AgentsService } from './agents.service';

const ID = /^[A-Za-z0-9_.@-]{1,100}$/;
function agentId(id: string): string {
  if (!ID.test(id)) throw ProblemException.of(404, 'unknown-agent', 'No such agent.');
  return id;
}

@ApiTags('agents')
@ApiSecurity('api-key')
@Controller('v1/agents')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Get() @Roles('supervisor', 'admin')
  list(@CurrentPrincipal() p: Principal) {
    return this.agents.list(p.tenantId);
  }

  @Get('me') @Roles('agent', 'supervisor', 'admin', 'department')
  @ApiOperation({ summary: 'The calling staff member as an agent: skills, languages, capacity, presence, load' })
  me(@CurrentPrincipal() p: Principal) {
    return this.agents.me(p);
  }

  @Get(':id') @Roles('supervisor', 'admin')
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.agents.get(p.tenantId, agentId(id));
  }

  @Put(':id') @Roles('supervisor', 'admin') @AuditedChange('agent.change')
  @ApiOperation({ summary: 'Create or replace an agent (id = the subject of their API key)' })
  put(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: AgentDto) {
    if (!ID.test(id)) throw ProblemException.of(400, 'validation', 'id must be 1–100 of A-Z a-z 0-9 _ . @ -');
    return this.agents.put(p.tenantId, id, dto);
  }

  @Put(':id/presence') @Roles('agent', 'supervisor', 'admin', 'department')
  @ApiOperation({ summary: 'Set presence: available, away or offline' })
  presence(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: PresenceDto) {
    return this.agents.setPresence(p, agentId(id), dto.presence);
  }

  @Delete(':id') @HttpCode(204) @Roles('supervisor', 'admin') @AuditedChange('agent.delete')
  @ApiOperation({ summary: 'Deactivate an agent' })
  async remove(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    await this.agents.deactivate(p.tenantId, agentId(id));
  }
}
