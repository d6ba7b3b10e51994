import type { Client } from 'pg';
import { categories, demoCalendar, demoTenant, departments } from '@lotsen/demo-municipality';
import { activeModelVersion, Exec, storeActiveModel } from '../classification/model-store';
import { catalogueOf, labelledExamples, trainChecked } from '../classification/training-set';
import { cachedModel } from '../classification/seed-model-cache';
import { searchConfig } from '../knowledge/knowledge.repository';
import { seedModelCacheDir, trainingDataPaths } from '../routing.config';

interface DemoAgent {
  id: string;
  name: string;
  role: string;
  department: string;
  languages: string[];
  capacity: number;
  presence: string;
  skills: { kind: 'category' | 'department'; code: string; level: number }[];
}

const dept = (code: string, level: number) => ({ kind: 'department' as const, code, level });
const cat = (code: string, level: number) => ({ kind: 'category' as const, code, level });

/** The demo staff: their API keys' subjects are these ids (scripts/setup/seed-demo.ts). */
export const DEMO_AGENTS: DemoAgent[] = [
  {
    id: 'demo-agent', name: 'Amira Lind', role: 'agent', department: 'kontaktcenter', languages: ['sv', 'en', 'ar'], capacity: 5, presence: 'available',
    skills: [
      dept('kontaktcenter', 5), dept('kultur_fritid', 3), dept('vatten_avfall', 3), dept('arbete_naringsliv', 3), dept('samhallsbyggnad', 2),
      dept('utbildning', 2), dept('overformyndare', 2), dept('gata_park', 2), dept('miljo', 2), dept('omsorg', 1), dept('socialtjanst', 1),
      cat('opening_hours_contact', 5), cat('forms_fees_invoices', 5), cat('library', 4), cat('recycling_sorting', 4),
      cat('waste_bins_subscription', 4), cat('adult_education_sfi', 3), cat('jobs_labour_market', 3),
    ],
  },
  {
    id: 'demo-supervisor', name: 'Sven Berg', role: 'supervisor', department: 'kontaktcenter', languages: ['sv', 'en', 'ar', 'fi'], capacity: 10, presence: 'available',
    skills: departments.map((d) => dept(d.code, 4)),
  },
  {
    id: 'demo-admin', name: 'Admin Demo', role: 'admin', department: 'kontaktcenter', languages: ['sv', 'en'], capacity: 3, presence: 'offline',
    skills: [dept('kontaktcenter', 3)],
  },
  {
    // the department system's key (subject gata_park) can also claim over /v1/work/next
    id: 'gata_park', name: 'Gata och park', role: 'department', department: 'gata_park', languages: ['sv', 'en', 'ar', 'fi'], capacity: 100, presence: 'available',
    skills: [dept('gata_park', 5)],
  },
];

const CURATED = [
  { language: 'sv', category: 'opening_hours_contact', department: 'kontaktcenter', question: 'Vilka är kontaktcenters öppettider?', answer: 'Kontaktcenter har öppet vardagar 08–17. Du når oss på telefon, e-post och i chatten på webbplatsen.' },
  { language: 'en', category: 'opening_hours_contact', department: 'kontaktcenter', question: 'What are the opening hours of the contact centre?', answer: 'The contact centre is open Monday to Friday, 08:00–17:00, by phone, e-mail and chat.' },
  { language: 'sv', category: 'waste_bins_subscription', department: 'vatten_avfall', question: 'Hur byter jag storlek på soptunnan?', answer: 'Du ändrar kärlstorlek och hämtningsintervall i e-tjänsten för avfallsabonnemang. Ändringen gäller från nästa månad.' },
  { language: 'sv', category: 'library', department: 'kultur_fritid', question: 'Hur förnyar jag mina lån på biblioteket?', answer: 'Logga in på bibliotekets webbplats med ditt lånekort och PIN-kod och välj Förnya. Du kan förnya tre gånger.' },
  { language: 'sv', category: 'forms_fees_invoices', department: 'kontaktcenter', question: 'Var hittar jag blanketten för ansökan om bygglov och vad kostar det?', answer: 'Blanketter och e-tjänster finns på webbplatsen under Bygga och bo. Avgiften följer plan- och bygglovstaxan.' },
  { language: 'en', category: 'adult_education_sfi', department: 'arbete_naringsliv', question: 'How do I apply for Swedish for immigrants (SFI)?', answer: 'Apply through the adult education e-service; bring your ID. Courses start every month.' },
];

/**
 * Seeds the demo municipality's routing data (called by scripts/setup/seed-demo.ts inside its
 * transaction, after the staff API keys are written): catalogue, agreements, opening hours, agents,
 * curated answers and an initial trained model. Idempotent: npm start may run it again; agreements
 * and models are versioned, so existing ones are kept.
 */
export async function seedRoutingDemo(db: Client, ctx: { tenantId: string; keys: Record<string, string> }): Promise<void> {
  const tenantId = ctx.tenantId ?? demoTenant.id;
  const exec: Exec = async (sql, params) => (await db.query(sql, params as unknown[])).rows;

  await exec(
    `INSERT INTO routing.tenant_settings (tenant_id, timezone, business_hours, holidays) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id) DO NOTHING`,
    [tenantId, demoCalendar.timezone, JSON.stringify(demoCalendar.hours), demoCalendar.holidays],
  );
  for (const d of departments) {
    await exec(
      `INSERT INTO routing.departments (tenant_id, code, name, email) VALUES ($1,$2,$3,$4)
       ON CONFLICT (tenant_id, code) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email`,
      [tenantId, d.code, JSON.stringify(d.name), d.email],
    );
  }
  for (const c of categories) {
    await exec(
      `INSERT INTO routing.categories (tenant_id, code, department, group_name, name, description, keywords, fault_report)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (tenant_id, code) DO UPDATE SET department = EXCLUDED.department, group_name = EXCLUDED.group_name, name = EXCLUDED.name,
         description = EXCLUDED.description, keywords = EXCLUDED.keywords, fault_report = EXCLUDED.fault_report`,
      [tenantId, c.code, c.department, c.group, JSON.stringify(c.name), JSON.stringify(c.description), JSON.stringify(c.keywords), c.faultReport],
    );
    await exec(
      `INSERT INTO routing.agreements (tenant_id, category, version, first_line, department, sla_first_response_hours, sla_resolution_hours, priority, changed_by, note)
       VALUES ($1,$2,1,$3,$4,$5,$6,$7,'seed','demo agreement') ON CONFLICT DO NOTHING`,
      [tenantId, c.code, c.firstLine, c.department, c.slaFirstResponseHours, c.slaResolutionHours, c.priority],
    );
  }
  for (const a of DEMO_AGENTS) {
    await exec(
      `INSERT INTO routing.agents (tenant_id, id, name, role, department, languages, capacity, presence) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, department = EXCLUDED.department,
         languages = EXCLUDED.languages, capacity = EXCLUDED.capacity`,
      [tenantId, a.id, a.name, a.role, a.department, a.languages, a.capacity, a.presence],
    );
    for (const s of a.skills) {
      await exec(
        `INSERT INTO routing.agent_skills (tenant_id, agent_id, kind, code, level) VALUES ($1,$2,$3,$4,$5)
         ON CONFLICT (tenant_id, agent_id, kind, code) DO UPDATE SET level = EXCLUDED.level`,
        [tenantId, a.id, s.kind, s.code, s.level],
      );
    }
  }
  for (const [i, k] of CURATED.entries()) {
    const id = `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
    await exec(
      `INSERT INTO routing.knowledge (id, tenant_id, kind, status, published_at, question, answer, language, category, department, search)
       VALUES ($1,$2,'curated','published',now(),$3,$4,$5,$6,$7,
         setweight(to_tsvector($8::regconfig, $3), 'A') || setweight(to_tsvector('simple', $3), 'B') || setweight(to_tsvector($8::regconfig, $4), 'C'))
       ON CONFLICT (id) DO NOTHING`,
      [id, tenantId, k.question, k.answer, k.language, k.category, k.department, searchConfig(k.language)],
    );
  }

  if ((await activeModelVersion(exec, tenantId)) === undefined) {
    const files = trainingDataPaths();
    const examples = labelledExamples(files);
    if (examples.length === 0) {
      console.warn(`routing demo seed: no training data at ${files.join(', ')}; inquiries go to triage until POST /v1/models/train`);
      return;
    }
    const catalogue = await catalogueOf(exec, tenantId);
    // trainChecked proves the model loads; a cached one is a file this run wrote from such a model.
    const model = cachedModel(seedModelCacheDir(), { examples, catalogue }, () => trainChecked(examples, catalogue));
    await storeActiveModel(exec, {
      tenantId, model, source: 'seed', examples: examples.length, summary: { dev: examples.length, heldOutDepartmentAccuracy: model.training.heldOutDepartmentAccuracy }, createdBy: 'seed',
    });
  }
}
