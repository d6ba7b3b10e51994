import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';
import { AgentProfile } from '../work/ranking';

export interface Skill {
  category?: string;
  department?: string;
  level: number;
}

export interface Agent extends AgentProfile {
  name: string;
  skills: Skill[];
}

@Injectable()
export class AgentsRepository {
  constructor(private readonly tx: UnitOfWork) {}

  private q(sql: string, params: unknown[] = []) {
    return this.tx.manager.query(sql, params);
  }

  private async withSkills(tenantId: string, rows: Record<string, any>[]): Promise<Agent[]> {
    if (!rows.length) return [];
    const skills = await this.q(`SELECT agent_id, kind, code, level FROM routing.agent_skills WHERE tenant_id = $1 AND agent_id = ANY($2) ORDER BY kind, code`, [
      tenantId, rows.map((r) => r.id),
    ]);
    return rows.map((r) => ({
      id: r.id, name: r.name, role: r.role, department: r.department, languages: r.languages, capacity: r.capacity, presence: r.presence, active: r.active,
      skills: skills.filter((s: Record<string, any>) => s.agent_id === r.id).map((s: Record<string, any>) => ({ [s.kind]: s.code, level: s.level })),
    }));
  }

  async list(tenantId: string): Promise<Agent[]> {
    return this.withSkills(tenantId, await this.q(`SELECT * FROM routing.agents WHERE tenant_id = $1 ORDER BY id`, [tenantId]));
  }

  async find(tenantId: string, id: string, lock = false): Promise<Agent | undefined> {
    const rows = await this.q(`SELECT * FROM routing.agents WHERE tenant_id = $1 AND id = $2 ${lock ? 'FOR UPDATE' : ''}`, [tenantId, id]);
    return (await this.withSkills(tenantId, rows))[0];
  }

  async upsert(tenantId: string, a: Agent): Promise<void> {
    await this.q(
      `INSERT INTO routing.agents (tenant_id, id, name, role, department, languages, capacity, presence, active) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
       ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, department = EXCLUDED.department,
         languages = EXCLUDED.languages, capacity = EXCLUDED.capacity, presence = EXCLUDED.presence, active = EXCLUDED.active, updated_at = now()`,
      [tenantId, a.id, a.name, a.role, a.department, a.languages, a.capacity, a.presence, a.active],
    );
    await this.q(`DELETE FROM routing.agent_skills WHERE tenant_id = $1 AND agent_id = $2`, [tenantId, a.id]);
    for (const s of a.skills) {
      await this.q(`INSERT INTO routing.agent_skills (tenant_id, agent_id, kind, code, level) VALUES ($1,$2,$3,$4,$5)`, [
        tenantId, a.id, s.category ? 'category' : 'department', s.category ?? s.department, s.level,
      ]);
    }
  }

  async setPresence(tenantId: string, id: string, presence: string): Promise<void> {
    await this.q(`UPDATE routing.agents SET presence = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id, presence]);
  }

  async deactivate(tenantId: string, id: string): Promise<void> {
    await this.q(`UPDATE routing.agents SET active = false, presence = 'offline', updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  }
}
