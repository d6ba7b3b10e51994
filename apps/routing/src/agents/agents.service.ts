import { Injectable } from '@nestjs/common';
import { ProblemException, Principal } from '@lotsen/platform';
import { UnitOfWork } from '@lotsen/persistence';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import { WorkItemsRepository } from '../work/work-items.repository';
import { Agent, AgentsRepository } from './agents.repository';
import { AgentDto } from './agents.dto';

@Injectable()
export class AgentsService {
  constructor(
    private readonly tx: UnitOfWork,
    private readonly agents: AgentsRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly work: WorkItemsRepository,
  ) {}

  list(tenantId: string) {
    return this.agents.list(tenantId);
  }

  async get(tenantId: string, id: string): Promise<Agent & { load: number }> {
    const a = await this.agents.find(tenantId, id);
    if (!a) throw ProblemException.of(404, 'unknown-agent', `No agent "${id}".`);
    return { ...a, load: await this.work.load(tenantId, id) };
  }

  /** The calling staff member's agent record (its API key's subject). */
  async me(p: Principal): Promise<Agent & { load: number }> {
    if (!p.subjectId) throw ProblemException.of(404, 'unknown-agent', 'This API key is not linked to an agent.');
    return this.get(p.tenantId, p.subjectId);
  }

  async put(tenantId: string, id: string, dto: AgentDto) {
    return this.tx.run(async () => {
      if (!(await this.catalogue.department(tenantId, dto.department))) {
        throw ProblemException.of(422, 'unknown-department', `No department with code "${dto.department}".`);
      }
      const skills = dto.skills ?? [];
      const known = new Set((await this.catalogue.categories(tenantId, true)).map((c) => c.code));
      const departments = new Set((await this.catalogue.departments(tenantId)).map((d) => d.code));
      for (const s of skills) {
        if (!!s.category === !!s.department) throw ProblemException.of(400, 'validation', 'Each skill names either a category or a department.');
        if (s.category && !known.has(s.category)) throw ProblemException.of(422, 'unknown-category', `No category with code "${s.category}".`);
        if (s.department && !departments.has(s.department)) throw ProblemException.of(422, 'unknown-department', `No department with code "${s.department}".`);
      }
      const existing = await this.agents.find(tenantId, id);
      await this.agents.upsert(tenantId, {
        id, name: dto.name, role: dto.role, department: dto.department, languages: [...new Set(dto.languages)], capacity: dto.capacity,
        presence: dto.presence ?? existing?.presence ?? 'offline', active: dto.active ?? true, skills,
      });
      return this.get(tenantId, id);
    });
  }

  async setPresence(p: Principal, id: string, presence: string) {
    if (id !== p.subjectId && !['supervisor', 'admin'].includes(p.role ?? '')) {
      throw ProblemException.of(403, 'forbidden', "Only supervisors change another agent's presence.");
    }
    await this.get(p.tenantId, id);
    await this.agents.setPresence(p.tenantId, id, presence);
    return this.get(p.tenantId, id);
  }

  async deactivate(tenantId: string, id: string) {
    await this.get(tenantId, id);
    await this.agents.deactivate(tenantId, id);
  }
}
