import { MigrationInterface, QueryRunner } from 'typeorm';
import { UnitOfWork } from '@lotsen/persistence';
import { APP_GUARD } from '@nestjs/core';
import { API_KEY_LOOKUP, ApiKeyGuard, ApiKeyLookup, Principal } from './api-key';

/**
 * Staff keys of a service that only staff call (routing, notifications, reporting). Each service
 * keeps its own copy; `npm start`'s seeding and the admin tooling write the same hash to each.
 */
export function staffApiKeysTableV1(schema: string, timestamp = 1763900000050): new () => MigrationInterface {
  const name = `StaffApiKeysV1${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE TABLE "${schema}".api_keys (
        id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        label text NOT NULL,
        role text NOT NULL,
        subject_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "${schema}".api_keys`);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

export class SchemaApiKeyLookup implements ApiKeyLookup {
  constructor(private readonly tx: UnitOfWork, private readonly schema: string) {}

  async findActiveByHash(keyHash: string): Promise<Principal | undefined> {
    const [row] = await this.tx.manager.query(
      `SELECT id, tenant_id, role, subject_id FROM "${this.schema}".api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
      [keyHash],
    );
    return row ? { keyId: row.id, tenantId: row.tenant_id, role: row.role, subjectId: row.subject_id ?? undefined, kind: 'system' } : undefined;
  }
}

/** Providers for a staff-only service: every route needs a staff key unless marked @Public(). */
export function staffAuthProviders(schema: string) {
  return [
    { provide: API_KEY_LOOKUP, useFactory: (tx: UnitOfWork) => new SchemaApiKeyLookup(tx, schema), inject: [UnitOfWork] },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ];
}
