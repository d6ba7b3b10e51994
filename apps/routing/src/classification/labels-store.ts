/**
 * Staff corrections as training labels (routing.training_labels), harvested from what staff
 * did to an inquiry: a transfer, a return to the contact center, a new category at resolution,
 * or a resolution in another department than the classifier chose. A label points at the
 * inquiry; its text is read from routing.inquiries when training, never copied.
 */
import { maskPii } from '@lotsen/platform';
import type { TrainingExample } from '../classifier';
import type { Exec } from './model-store';

export interface TrainingLabel {
  inquiryId: string;
  source: 'transferred' | 'returned' | 'recategorised' | 'resolved_elsewhere';
  predictedDepartment: string;
  predictedCategory: string | null;
  /** The right department (null while the inquiry was only handed back). */
  department: string | null;
  category: string | null;
  modelVersion: number | null;
  /** The catalogue keywords that decided the classifier's choice. */
  keywords: string[];
  labelledAt: string;
}

/**
 * Brings the tenant's labels up to date in one statement (idempotent: run it as often as you
 * like). The latest transfer, or the resolution, says where an inquiry belonged.
 */
export async function harvestLabels(exec: Exec, tenantId: string): Promise<void> {
  await exec(
    `WITH c AS (
       SELECT i.id, i.tenant_id, d.classification->>'department' AS predicted, d.classification->>'category' AS predicted_category,
         d.model_version, d.classification->'explanation' AS explanation,
         NULLIF(i.final_department, 'triage') AS final_department, w.category AS final_category,
         (SELECT h.details->>'to' FROM routing.work_history h WHERE h.inquiry_id = i.id AND h.action = 'transferred' ORDER BY h.id DESC LIMIT 1) AS transferred_to,
         EXISTS (SELECT 1 FROM routing.work_history h WHERE h.inquiry_id = i.id AND h.action = 'returned') AS returned
       FROM routing.inquiries i
       JOIN routing.decisions d ON d.inquiry_id = i.id
       LEFT JOIN routing.work_items w ON w.inquiry_id = i.id
       WHERE i.tenant_id = $1 AND d.classification ? 'department'
         AND (i.final_department IS NOT NULL OR EXISTS (SELECT 1 FROM routing.work_history h WHERE h.inquiry_id = i.id AND h.action IN ('transferred', 'returned')))
     ), l AS (
       SELECT c.*, COALESCE(c.final_department, c.transferred_to) AS right_department,
         c.final_department IS NOT NULL AND c.final_category IS NOT NULL AND c.final_category IS DISTINCT FROM c.predicted_category AS recategorised
       FROM c
     )
     INSERT INTO routing.training_labels (inquiry_id, tenant_id, source, predicted_department, predicted_category, department, category, model_version, keywords)
     SELECT id, tenant_id,
       CASE WHEN recategorised THEN 'recategorised' WHEN transferred_to IS NOT NULL THEN 'transferred' WHEN returned THEN 'returned' ELSE 'resolved_elsewhere' END,
       predicted, predicted_category, right_department, CASE WHEN final_department IS NOT NULL THEN final_category END, model_version,
       COALESCE((SELECT jsonb_agg(DISTINCT regexp_replace(e->>'feature', '^keyword:(.*?)( \\([a-z0-9_]+\\))?$', '\\1'))
                 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(explanation) = 'array' THEN explanation ELSE '[]'::jsonb END) e
                 WHERE e->>'feature' LIKE 'keyword:%'), '[]'::jsonb)
     FROM l
     WHERE (right_department IS NOT NULL AND right_department IS DISTINCT FROM predicted) OR (right_department IS NULL AND returned) OR recategorised
     ON CONFLICT (inquiry_id) DO UPDATE SET source = EXCLUDED.source, department = EXCLUDED.department, category = EXCLUDED.category,
       labelled_at = CASE WHEN routing.training_labels.department IS DISTINCT FROM EXCLUDED.department OR routing.training_labels.category IS DISTINCT FROM EXCLUDED.category
                          THEN now() ELSE routing.training_labels.labelled_at END
     WHERE routing.training_labels.source IS DISTINCT FROM EXCLUDED.source OR routing.training_labels.department IS DISTINCT FROM EXCLUDED.department
        OR routing.training_labels.category IS DISTINCT FROM EXCLUDED.category`,
    [tenantId],
  );
}

export async function listLabels(exec: Exec, tenantId: string, limit = 200): Promise<TrainingLabel[]> {
  const rows = await exec(
    `SELECT inquiry_id, source, predicted_department, predicted_category, department, category, model_version, keywords, labelled_at
     FROM routing.training_labels WHERE tenant_id = $1 ORDER BY labelled_at DESC, inquiry_id LIMIT $2`,
    [tenantId, limit],
  );
  return rows.map((r) => ({
    inquiryId: r.inquiry_id, source: r.source, predictedDepartment: r.predicted_department, predictedCategory: r.predicted_category,
    department: r.department, category: r.category, modelVersion: r.model_version, keywords: r.keywords ?? [], labelledAt: new Date(r.labelled_at).toISOString(),
  }));
}

/** An example of the municipality's own, with when it arrived (recent ones form the held-out slice). */
export interface OwnExample extends TrainingExample {
  receivedAt: number;
}

/**
 * The municipality's own labelled inquiries: resolved ones (final department) and corrected
 * ones still open (the latest transfer). Sensitive inquiries stay out of every model, and
 * identity numbers, e-mail addresses and phone numbers are masked before training, since a
 * model's vocabulary is readable by whoever can export it. An inquiry whose text retention has
 * erased is no example any more.
 */
export async function ownExamples(exec: Exec, tenantId: string): Promise<OwnExample[]> {
  const rows = await exec(
    `SELECT i.subject, i.body, i.language, i.received_at, COALESCE(NULLIF(i.final_department, 'triage'), l.department) AS department,
       COALESCE(i.final_type, d.type) AS type, COALESCE(i.final_first_contact, false) AS fcr, COALESCE(d.urgent, false) AS urgent
     FROM routing.inquiries i
     LEFT JOIN routing.decisions d ON d.inquiry_id = i.id
     LEFT JOIN routing.training_labels l ON l.inquiry_id = i.id
     WHERE i.tenant_id = $1 AND NOT i.sensitive AND i.body <> '' AND COALESCE(NULLIF(i.final_department, 'triage'), l.department) IS NOT NULL
       AND COALESCE(i.final_type, d.type) IS NOT NULL
     ORDER BY i.received_at, i.id`,
    [tenantId],
  );
  return rows.map((r) => ({
    subject: maskPii(r.subject ?? ''), text: maskPii(r.body), language: r.language, department: r.department, type: r.type,
    firstContactResolvable: !!r.fcr, urgent: !!r.urgent, receivedAt: new Date(r.received_at).getTime(),
  }));
}

export interface CorrectedCategory {
  /** The category (or, without one, the department) the classifier chose and staff corrected. */
  category: string | null;
  department: string;
  corrections: number;
  /** Where staff put them instead, most frequent first. */
  correctedTo: { department: string | null; count: number }[];
  /** Catalogue keywords that decided those wrong choices, most frequent first. */
  keywords: { keyword: string; count: number }[];
}

/** The categories most often corrected, and the keywords that caused it. */
export async function correctedCategories(exec: Exec, tenantId: string, limit = 20): Promise<CorrectedCategory[]> {
  const rows = await exec(
    `SELECT predicted_category, predicted_department, count(*)::int AS n,
       (SELECT jsonb_agg(jsonb_build_object('department', t.department, 'count', t.n) ORDER BY t.n DESC, t.department)
          FROM (SELECT x.department, count(*)::int AS n FROM routing.training_labels x
                WHERE x.tenant_id = $1 AND x.predicted_department = l.predicted_department AND x.predicted_category IS NOT DISTINCT FROM l.predicted_category
                GROUP BY x.department) t) AS corrected_to,
       (SELECT COALESCE(jsonb_agg(jsonb_build_object('keyword', k.keyword, 'count', k.n) ORDER BY k.n DESC, k.keyword), '[]'::jsonb)
          FROM (SELECT kw AS keyword, count(*)::int AS n FROM routing.training_labels x, jsonb_array_elements_text(x.keywords) kw
                WHERE x.tenant_id = $1 AND x.predicted_department = l.predicted_department AND x.predicted_category IS NOT DISTINCT FROM l.predicted_category
                GROUP BY kw) k) AS keywords
     FROM routing.training_labels l WHERE tenant_id = $1
     GROUP BY predicted_category, predicted_department ORDER BY n DESC, predicted_department, predicted_category LIMIT $2`,
    [tenantId, limit],
  );
  return rows.map((r) => ({
    category: r.predicted_category, department: r.predicted_department, corrections: r.n, correctedTo: r.corrected_to ?? [], keywords: r.keywords ?? [],
  }));
}
