import { Injectable } from '@nestjs/common';
import { ProblemException } from '@lotsen/platform';
import { DEFAULT_SERVICE_LEVEL_SECONDS, Goal, GOAL_KPI_NAMES, GOAL_KPIS } from './goal-definitions';
import { GoalsRepository } from './goals.repository';

@Injectable()
export class GoalsService {
  constructor(private readonly goals: GoalsRepository) {}

  list(tenantId: string): Promise<Goal[]> {
    return this.goals.list(tenantId);
  }

  async get(tenantId: string, kpi: string): Promise<Goal> {
    const goal = (await this.goals.list(tenantId)).find((g) => g.kpi === kpi);
    if (!goal) throw ProblemException.of(404, 'not-found', `No goal is set for ${kpi}.`);
    return goal;
  }

  async set(tenantId: string, kpi: string, target: number, thresholdSeconds: number | undefined, by: string): Promise<Goal> {
    if (!GOAL_KPIS[kpi as keyof typeof GOAL_KPIS]) {
      throw ProblemException.of(400, 'validation', `kpi must be one of: ${GOAL_KPI_NAMES.join(', ')}.`);
    }
    if (kpi.endsWith('Pct') && target > 100) throw ProblemException.of(400, 'validation', 'A percentage goal must be between 0 and 100.');
    if (kpi === 'csatAverage' && (target < 1 || target > 5)) throw ProblemException.of(400, 'validation', 'A CSAT goal must be between 1 and 5.');
    if (thresholdSeconds !== undefined && kpi !== 'phoneServiceLevelPct') {
      throw ProblemException.of(400, 'validation', 'thresholdSeconds applies to phoneServiceLevelPct only.');
    }
    await this.goals.upsert(tenantId, kpi, target, kpi === 'phoneServiceLevelPct' ? thresholdSeconds ?? DEFAULT_SERVICE_LEVEL_SECONDS : null, by);
    return this.get(tenantId, kpi);
  }

  async remove(tenantId: string, kpi: string): Promise<void> {
    if (!(await this.goals.remove(tenantId, kpi))) throw ProblemException.of(404, 'not-found', `No goal is set for ${kpi}.`);
  }
}
