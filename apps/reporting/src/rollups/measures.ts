/**
 * The additive measures of an inquiry, defined once over a fact row (`f`): the daily rollup
 * stores their sums per day and dimension; hour-level queries sum the same expressions over the
 * facts. Adding a measure here adds it to both (and to the rollup table's migration).
 */
export const INQUIRY_MEASURES: Record<string, string> = {
  received: '1',
  handled_by_center: 'f.handled_by_center::int',
  answered_by_center: 'f.answered_by_center::int',
  fcr: 'f.first_contact_resolved::int',
  resolved: '(f.resolved_at IS NOT NULL)::int',
  ever_resolved: 'f.ever_resolved::int',
  reopened: '(f.reopen_count > 0)::int',
  sla_met: "coalesce(f.sla_status = 'met', false)::int",
  sla_breached: "coalesce(f.sla_status = 'breached', false)::int",
  first_response_n: '(f.first_response_bmin IS NOT NULL)::int',
  first_response_sum: 'coalesce(f.first_response_bmin, 0)',
  resolution_n: '(f.resolution_bmin IS NOT NULL)::int',
  resolution_sum: 'coalesce(f.resolution_bmin, 0)',
  survey_sent: 'f.survey_sent::int',
  csat_n: '(f.survey_score IS NOT NULL)::int',
  csat_sum: 'coalesce(f.survey_score, 0)',
  csat_1: 'coalesce(f.survey_score = 1, false)::int',
  csat_2: 'coalesce(f.survey_score = 2, false)::int',
  csat_3: 'coalesce(f.survey_score = 3, false)::int',
  csat_4: 'coalesce(f.survey_score = 4, false)::int',
  csat_5: 'coalesce(f.survey_score = 5, false)::int',
  praise: "coalesce(f.type = 'praise', false)::int",
  complaint: "coalesce(f.type = 'complaint', false)::int",
  proposal: "coalesce(f.type = 'proposal', false)::int",
  fault_report: "coalesce(f.type = 'fault_report', false)::int",
};

/** Dimensions of the rollup; facts without a value are grouped as 'unknown'. */
export const DIMENSIONS = ['channel', 'department', 'category', 'type', 'language'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const UNKNOWN = 'unknown';

export const factDimension = (d: Dimension) => `coalesce(f.${d}, '${UNKNOWN}')`;
