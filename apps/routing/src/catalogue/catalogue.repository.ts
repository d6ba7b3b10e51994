import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';
import { BusinessHours } from '@lotsen/business-calendar';
import { Agreement } from './agreement';

export interface Department {
  code: string;
  name: Record<string, string>;
  email: string | null;
  businessHours: BusinessHours | null;
  active: boolean;
  /** Routing key on lotsen.work a department system binds its queue with. */
  workRoutingKey: string;
}

export interface Category {
  code: string;
  department: string;
  group: string;
  name: Record<string, string>;
  description: Record<string, string>;
  keywords: Record<string, string[]>;
  faultReport: boolean;
  active: boolean;
}

function toDepartment(tenantId: string, r: Record<string, any>): Department {
  return { code: r.code, name: r.name, email: r.email, businessHours: r.business_hours, active: r.active, workRoutingKey: `${tenantId}.${r.code}` };
}

function toCategory(r: Record<string, any>): Category {
  return {
    code: r.code, department: r.department, group: r.group_name, name: r.name, description: r.description,
    keywords: r.keywords, faultReport: r.fault_report, active: r.active,
  };
}

export function toAgreement(r: Record<string, any>): Agreement {
  return {
    category: r.category, version: r.version, firstLine: r.first_line, department: r.department,
    slaFirstResponseHours: Number(r.sla_first_response_hours), slaResolutionHours: Number(r.sla_resolution_hours),
    priority: r.priority, changedBy: r.changed_by, note: r.note, createdAt: new Date(r.created_at).toISOString(),
  };
}

@Injectable()
export class CatalogueRepository {
  constructor(private readonly tx: UnitOfWork) {}

  private q(sql: string, params: unknown[] = []) {
    return this.tx.manager.query(sql, params);
  }

  async departments(tenantId: string): Promise<Department[]> {
    const rows = await this.q(`SELECT * FROM routing.departments WHERE tenant_id = $1 ORDER BY code`, [tenantId]);
    return rows.map((r: Record<string, any>) => toDepartment(tenantId, r));
  }

  async department(tenantId: string, code: string): Promise<Department | undefined> {
    const [r] = await this.q(`SELECT * FROM routing.departments WHERE tenant_id = $1 AND code = $2`, [tenantId, code]);
    return r ? toDepartment(tenantId, r) : undefined;
  }

  async upsertDepartment(tenantId: string, d: Omit<Department, 'workRoutingKey'>): Promise<void> {
    await this.q(
      `INSERT INTO routing.departments (tenant_id, code, name, email, business_hours, active) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (tenant_id, code) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email,
         business_hours = EXCLUDED.business_hours, active = EXCLUDED.active, updated_at = now()`,
      [tenantId, d.code, JSON.stringify(d.name), d.email, d.businessHours ? JSON.stringify(d.businessHours) : null, d.active],
    );
  }

  async categories(tenantId: string, includeInactive = false): Promise<Category[]> {
    const rows = await this.q(
      `SELECT * FROM routing.categories WHERE tenant_id = $1 ${includeInactive ? '' : 'AND active'} ORDER BY department, code`,
      [tenantId],
    );
    return rows.map(toCategory);
  }

  async category(tenantId: string, code: string): Promise<Category | undefined> {
    const [r] = await this.q(`SELECT * FROM routing.categories WHERE tenant_id = $1 AND code = $2`, [tenantId, code]);
    return r ? toCategory(r) : undefined;
  }

  async upsertCategory(tenantId: string, c: Category): Promise<void> {
    await this.q(
      `INSERT INTO routing.categories (tenant_id, code, department, group_name, name, description, keywords, fault_report, active)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
       ON CONFLICT (tenant_id, code) DO UPDATE SET department = EXCLUDED.department, group_name = EXCLUDED.group_name, name = EXCLUDED.name,
         description = EXCLUDED.description, keywords = EXCLUDED.keywords, fault_report = EXCLUDED.fault_report, active = EXCLUDED.active, updated_at = now()`,
      [tenantId, c.code, c.department, c.group, JSON.stringify(c.name), JSON.stringify(c.description), JSON.stringify(c.keywords), c.faultReport, c.active],
    );
  }

  async currentAgreement(tenantId: string, category: string): Promise<Agreement | undefined> {
    const [r] = await this.q(
      `SELECT * FROM routing.agreements WHERE tenant_id = $1 AND category = $2 ORDER BY version DESC LIMIT 1`,
      [tenantId, category],
    );
    return r ? toAgreement(r) : undefined;
  }

  async agreementHistory(tenantId: string, category: string): Promise<Agreement[]> {
    const rows = await this.q(`SELECT * FROM routing.agreements WHERE tenant_id = $1 AND category = $2 ORDER BY version DESC`, [tenantId, category]);
    return rows.map(toAgreement);
  }

  async currentAgreements(tenantId: string): Promise<Agreement[]> {
    const rows = await this.q(
      `SELECT DISTINCT ON (category) * FROM routing.agreements WHERE tenant_id = $1 ORDER BY category, version DESC`,
      [tenantId],
    );
    return rows.map(toAgreement);
  }

  /** Appends a version; the primary key refuses a concurrent writer of the same version. */
  async insertAgreement(tenantId: string, a: Agreement): Promise<void> {
    await this.q(
      `INSERT INTO routing.agreements (tenant_id, category, version, first_line, department, sla_first_response_hours, sla_resolution_hours, priority, changed_by, note)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [tenantId, a.category, a.version, a.firstLine, a.department, a.slaFirstResponseHours, a.slaResolutionHours, a.priority, a.changedBy ?? null, a.note ?? null],
    );
  }

  async lockCategory(tenantId: string, category: string): Promise<void> {
    await this.q(`SELECT 1 FROM routing.categories WHERE tenant_id = $1 AND code = $2 FOR UPDATE`, [tenantId, category]);
  }
}
