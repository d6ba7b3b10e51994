import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';
import { ApiKeyLookup, Principal } from '@lotsen/platform';

export interface Tenant {
  id: string;
  name: string;
  referencePrefix: string;
  jurisdictionId: string | null;
  timezone: string;
}

const TENANT_COLUMNS = `id, name, reference_prefix AS "referencePrefix", jurisdiction_id AS "jurisdictionId", timezone`;

@Injectable()
export class TenantsRepository implements ApiKeyLookup {
  private readonly tenants = new Map<string, { tenant?: Tenant; until: number }>();

  constructor(private readonly tx: UnitOfWork) {}

  async findById(id: string): Promise<Tenant | undefined> {
    const hit = this.tenants.get(id);
    if (hit && hit.until > Date.now()) return hit.tenant;
    const [tenant] = await this.tx.manager.query(`SELECT ${TENANT_COLUMNS} FROM intake.tenants WHERE id = $1`, [id]);
    this.tenants.set(id, { tenant, until: Date.now() + 30000 });
    return tenant;
  }

  async findByJurisdiction(jurisdictionId: string): Promise<Tenant | undefined> {
    const [tenant] = await this.tx.manager.query(`SELECT ${TENANT_COLUMNS} FROM intake.tenants WHERE jurisdiction_id = $1 OR id = $1`, [jurisdictionId]);
    return tenant;
  }

  async list(): Promise<Tenant[]> {
    return this.tx.manager.query(`SELECT ${TENANT_COLUMNS} FROM intake.tenants ORDER BY id`);
  }

  async findActiveByHash(keyHash: string): Promise<Principal | undefined> {
    const [row] = await this.tx.manager.query(
      `SELECT id AS "keyId", tenant_id AS "tenantId", channel, role, subject_id AS "subjectId" FROM intake.api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
      [keyHash],
    );
    if (!row) return undefined;
    return { keyId: row.keyId, tenantId: row.tenantId, channel: row.channel ?? undefined, role: row.role ?? undefined, subjectId: row.subjectId ?? undefined, kind: 'system' };
  }
}
