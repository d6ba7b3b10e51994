import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@lotsen/persistence';

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

  constructor(private readonly tx: TransactionContext) {}

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
}
