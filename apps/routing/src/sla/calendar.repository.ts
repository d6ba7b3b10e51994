import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';
import { BusinessHours, DEFAULT_BUSINESS_HOURS } from '@lotsen/business-calendar';

export interface TenantSettings {
  tenantId: string;
  timezone: string;
  businessHours: BusinessHours;
  holidays: string | null;
  defaultFirstResponseHours: number;
  defaultResolutionHours: number;
}

@Injectable()
export class CalendarRepository {
  constructor(private readonly tx: UnitOfWork) {}

  async get(tenantId: string): Promise<TenantSettings> {
    const [r] = await this.tx.manager.query(`SELECT * FROM routing.tenant_settings WHERE tenant_id = $1`, [tenantId]);
    if (!r) {
      return { tenantId, timezone: 'Europe/Stockholm', businessHours: DEFAULT_BUSINESS_HOURS, holidays: 'SE', defaultFirstResponseHours: 8, defaultResolutionHours: 80 };
    }
    return {
      tenantId,
      timezone: r.timezone,
      businessHours: r.business_hours,
      holidays: r.holidays,
      defaultFirstResponseHours: Number(r.default_first_response_hours),
      defaultResolutionHours: Number(r.default_resolution_hours),
    };
  }

  async put(s: TenantSettings): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO routing.tenant_settings (tenant_id, timezone, business_hours, holidays, default_first_response_hours, default_resolution_hours)
       VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (tenant_id) DO UPDATE SET timezone = EXCLUDED.timezone, business_hours = EXCLUDED.business_hours, holidays = EXCLUDED.holidays,
         default_first_response_hours = EXCLUDED.default_first_response_hours, default_resolution_hours = EXCLUDED.default_resolution_hours, updated_at = now()`,
      [s.tenantId, s.timezone, JSON.stringify(s.businessHours), s.holidays, s.defaultFirstResponseHours, s.defaultResolutionHours],
    );
  }

  /** A department's own opening hours, if it has any. */
  async departmentHours(tenantId: string, department: string): Promise<BusinessHours | null> {
    const [r] = await this.tx.manager.query(`SELECT business_hours FROM routing.departments WHERE tenant_id = $1 AND code = $2`, [tenantId, department]);
    return r?.business_hours ?? null;
  }
}
