import { Injectable } from '@nestjs/common';
import { SupervisorOverviewRepository } from './supervisor-overview.repository';

/** An item is at risk when the clock that matters now is due within this. */
export const AT_RISK_MS = 60 * 60_000;
/** How many items of a list the overview carries (with the total): the oldest first. */
export const ITEMS_SHOWN = 50;
export const AGENTS_SHOWN = 500;
export const CURRENT_ITEMS_SHOWN = 10;

/** The contact center at a glance: queue figures, triage and overflow, agents, items to reassign. */
@Injectable()
export class SupervisorOverviewService {
  constructor(private readonly overview: SupervisorOverviewRepository) {}

  async overviewOf(tenantId: string, now = new Date()) {
    const [queues, triage, open, agents] = await Promise.all([
      this.overview.queues(tenantId, new Date(now.getTime() + AT_RISK_MS)),
      this.overview.triage(tenantId, ITEMS_SHOWN),
      this.overview.open(tenantId, ITEMS_SHOWN),
      this.overview.agents(tenantId, AGENTS_SHOWN, CURRENT_ITEMS_SHOWN),
    ]);
    return { at: now.toISOString(), atRiskWithinMinutes: AT_RISK_MS / 60_000, queues, triage, open, agents };
  }
}
