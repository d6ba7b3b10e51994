import { KpiFigures } from '../kpis/figures';

/** KPIs a municipality can set a goal on, and which way is better. */
export const GOAL_KPIS: Partial<Record<keyof KpiFigures, 'atLeast' | 'atMost'>> = {
  handledByCenterPct: 'atLeast',
  answeredByCenterPct: 'atLeast',
  firstContactResolutionPct: 'atLeast',
  slaCompliancePct: 'atLeast',
  csatAverage: 'atLeast',
  csatResponseRatePct: 'atLeast',
  phoneServiceLevelPct: 'atLeast',
  reopenRatePct: 'atMost',
  abandonRatePct: 'atMost',
  firstResponseMedianHours: 'atMost',
  resolutionMedianHours: 'atMost',
};
export const GOAL_KPI_NAMES = Object.keys(GOAL_KPIS) as Array<keyof KpiFigures>;

export interface Goal {
  kpi: keyof KpiFigures;
  target: number;
  direction: 'atLeast' | 'atMost';
  /** For phoneServiceLevelPct: answered within this many seconds. */
  thresholdSeconds: number | null;
  updatedAt: string;
}

export interface GoalStatus extends Goal {
  actual: number | null;
  status: 'met' | 'missed' | 'no_data';
}

export function goalStatus(goal: Goal, figures: KpiFigures): GoalStatus {
  const actual = figures[goal.kpi] as number | null;
  const status = actual === null ? 'no_data' : (goal.direction === 'atLeast' ? actual >= goal.target : actual <= goal.target) ? 'met' : 'missed';
  return { ...goal, actual, status };
}

/** The phone service level threshold when none is asked for: the goal's, else 20 s. */
export const DEFAULT_SERVICE_LEVEL_SECONDS = 20;
