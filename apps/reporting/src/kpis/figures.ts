import { CallRow, PercentileRow, Sums } from './kpis.repository';

/** The key figures of one group (or of the whole period): flat, so they fit a CSV row. */
export interface KpiFigures {
  received: number;
  handledByCenter: number;
  handledByCenterPct: number | null;
  answeredByCenter: number;
  answeredByCenterPct: number | null;
  firstContactResolved: number;
  firstContactResolutionPct: number | null;
  resolved: number;
  firstResponseCount: number;
  firstResponseAverageHours: number | null;
  firstResponseMedianHours: number | null;
  firstResponseP90Hours: number | null;
  resolutionCount: number;
  resolutionAverageHours: number | null;
  resolutionMedianHours: number | null;
  resolutionP90Hours: number | null;
  slaMet: number;
  slaBreached: number;
  slaCompliancePct: number | null;
  reopened: number;
  reopenRatePct: number | null;
  csatResponses: number;
  csatAverage: number | null;
  csat1: number;
  csat2: number;
  csat3: number;
  csat4: number;
  csat5: number;
  surveysSent: number;
  csatResponseRatePct: number | null;
  praise: number;
  complaints: number;
  proposals: number;
  faultReports: number;
  callsOffered: number | null;
  callsAnswered: number | null;
  callsAbandoned: number | null;
  callsAnsweredWithinServiceLevel: number | null;
  phoneServiceLevelPct: number | null;
  abandonRatePct: number | null;
  averageWaitSeconds: number | null;
}

export const FIGURE_NAMES: Array<keyof KpiFigures> = [
  'received', 'handledByCenter', 'handledByCenterPct', 'answeredByCenter', 'answeredByCenterPct', 'firstContactResolved',
  'firstContactResolutionPct', 'resolved', 'firstResponseCount', 'firstResponseAverageHours', 'firstResponseMedianHours',
  'firstResponseP90Hours', 'resolutionCount', 'resolutionAverageHours', 'resolutionMedianHours', 'resolutionP90Hours', 'slaMet',
  'slaBreached', 'slaCompliancePct', 'reopened', 'reopenRatePct', 'csatResponses', 'csatAverage', 'csat1', 'csat2', 'csat3', 'csat4',
  'csat5', 'surveysSent', 'csatResponseRatePct', 'praise', 'complaints', 'proposals', 'faultReports', 'callsOffered', 'callsAnswered',
  'callsAbandoned', 'callsAnsweredWithinServiceLevel', 'phoneServiceLevelPct', 'abandonRatePct', 'averageWaitSeconds',
];

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
/** Percent with one decimal; null when there is nothing to divide by. */
export const pct = (n: number, d: number) => (d > 0 ? round((100 * n) / d, 1) : null);
const hours = (minutes: number | null | undefined) => (minutes === null || minutes === undefined ? null : round(minutes / 60, 2));

const EMPTY_SUMS: Sums = {};
const s = (sums: Sums, k: string) => sums[k] ?? 0;

/** Turns rollup sums, fact percentiles and call counts into the figures. */
export function toFigures(sums: Sums = EMPTY_SUMS, p?: PercentileRow, calls?: CallRow | null): KpiFigures {
  const received = s(sums, 'received');
  const frN = s(sums, 'first_response_n');
  const resN = s(sums, 'resolution_n');
  const csatN = s(sums, 'csat_n');
  const c = calls === null ? null : calls ?? { offered: 0, answered: 0, abandoned: 0, answered_within: 0, answered_wait_sum: 0 };
  return {
    received,
    handledByCenter: s(sums, 'handled_by_center'),
    handledByCenterPct: pct(s(sums, 'handled_by_center'), received),
    answeredByCenter: s(sums, 'answered_by_center'),
    answeredByCenterPct: pct(s(sums, 'answered_by_center'), received),
    firstContactResolved: s(sums, 'fcr'),
    firstContactResolutionPct: pct(s(sums, 'fcr'), received),
    resolved: s(sums, 'resolved'),
    firstResponseCount: frN,
    firstResponseAverageHours: frN ? hours(s(sums, 'first_response_sum') / frN) : null,
    firstResponseMedianHours: hours(p?.first_response_median),
    firstResponseP90Hours: hours(p?.first_response_p90),
    resolutionCount: resN,
    resolutionAverageHours: resN ? hours(s(sums, 'resolution_sum') / resN) : null,
    resolutionMedianHours: hours(p?.resolution_median),
    resolutionP90Hours: hours(p?.resolution_p90),
    slaMet: s(sums, 'sla_met'),
    slaBreached: s(sums, 'sla_breached'),
    slaCompliancePct: pct(s(sums, 'sla_met'), s(sums, 'sla_met') + s(sums, 'sla_breached')),
    reopened: s(sums, 'reopened'),
    reopenRatePct: pct(s(sums, 'reopened'), s(sums, 'ever_resolved')),
    csatResponses: csatN,
    csatAverage: csatN ? round(s(sums, 'csat_sum') / csatN, 2) : null,
    csat1: s(sums, 'csat_1'),
    csat2: s(sums, 'csat_2'),
    csat3: s(sums, 'csat_3'),
    csat4: s(sums, 'csat_4'),
    csat5: s(sums, 'csat_5'),
    surveysSent: s(sums, 'survey_sent'),
    csatResponseRatePct: pct(csatN, s(sums, 'survey_sent')),
    praise: s(sums, 'praise'),
    complaints: s(sums, 'complaint'),
    proposals: s(sums, 'proposal'),
    faultReports: s(sums, 'fault_report'),
    callsOffered: c ? c.offered : null,
    callsAnswered: c ? c.answered : null,
    callsAbandoned: c ? c.abandoned : null,
    callsAnsweredWithinServiceLevel: c ? c.answered_within : null,
    phoneServiceLevelPct: c ? pct(c.answered_within, c.offered) : null,
    abandonRatePct: c ? pct(c.abandoned, c.offered) : null,
    averageWaitSeconds: c && c.answered ? round(c.answered_wait_sum / c.answered, 1) : null,
  };
}
