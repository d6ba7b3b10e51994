import { Injectable } from '@nestjs/common';
import { returningRows, UnitOfWork } from '@lotsen/persistence';

export interface ServiceDefinition {
  code: string;
  name: Record<string, string>;
  description: Record<string, string>;
  group: string;
  keywords: string[];
  department: string;
  faultReport: boolean;
  /** Its requests are public by nature (Open311's anonymous list shows them). */
  public: boolean;
  attributes: Array<Record<string, unknown>>;
}

const COLUMNS = `code, name, description, group_name AS "group", keywords, department, fault_report AS "faultReport", public, attributes`;

/** The tenant's public list of services (codes shared with the routing catalogue). */
@Injectable()
export class ServiceDefinitionsRepository {
  private readonly cache = new Map<string, { defs: ServiceDefinition[]; until: number }>();

  constructor(private readonly tx: UnitOfWork) {}

  async list(tenantId: string): Promise<ServiceDefinition[]> {
    const hit = this.cache.get(tenantId);
    if (hit && hit.until > Date.now()) return hit.defs;
    const defs: ServiceDefinition[] = await this.tx.manager.query(
      `SELECT ${COLUMNS} FROM intake.service_definitions WHERE tenant_id = $1 AND active ORDER BY group_name, code`,
      [tenantId],
    );
    this.cache.set(tenantId, { defs, until: Date.now() + 30000 });
    return defs;
  }

  async find(tenantId: string, code: string): Promise<ServiceDefinition | undefined> {
    return (await this.list(tenantId)).find((d) => d.code === code);
  }

  /** Turns the public flag on or off, recording who did; false if the tenant has no such service. */
  async setPublic(tenantId: string, code: string, isPublic: boolean, by: string): Promise<boolean> {
    const rows = returningRows(await this.tx.manager.query(
      `UPDATE intake.service_definitions SET public = $3, public_set_by = $4, public_set_at = now() WHERE tenant_id = $1 AND code = $2 RETURNING code`,
      [tenantId, code, isPublic, by],
    ));
    // This instance sees the change at once; others within their cache's 30 seconds.
    this.cache.delete(tenantId);
    return rows.length > 0;
  }
}
