import { Injectable } from '@nestjs/common';
import { deleteInBatches, UnitOfWork } from '@lotsen/persistence';

export interface SessionRow {
  idHash: string;
  tenantId: string;
  subject: string;
  name: string;
  roles: string[];
  departments: string[];
  csrfToken: string;
  tokens: string;
  accessExpiresAt: Date;
  lastSeenAt: Date;
}

function toRow(r: Record<string, any>): SessionRow {
  return {
    idHash: r.id_hash, tenantId: r.tenant_id, subject: r.subject, name: r.name, roles: r.roles, departments: r.departments,
    csrfToken: r.csrf_token, tokens: r.tokens, accessExpiresAt: r.access_expires_at, lastSeenAt: r.last_seen_at,
  };
}

/** TypeORM answers UPDATE/DELETE … RETURNING as [rows, count] and SELECT as rows. */
function returned(result: unknown): Record<string, any>[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as Record<string, any>[];
  return result as Record<string, any>[];
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly tx: UnitOfWork) {}

  async insert(s: Omit<SessionRow, 'lastSeenAt'>): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO workspace.sessions (id_hash, tenant_id, subject, name, roles, departments, csrf_token, tokens, access_expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [s.idHash, s.tenantId, s.subject, s.name, s.roles, s.departments, s.csrfToken, s.tokens, s.accessExpiresAt],
    );
  }

  /** The live session, touched: idle ones are not found (and removed by `removeIdle`). */
  async touch(idHash: string, idleSeconds: number): Promise<SessionRow | undefined> {
    const rows = returned(await this.tx.manager.query(
      `UPDATE workspace.sessions SET last_seen_at = now()
        WHERE id_hash = $1 AND last_seen_at > now() - make_interval(secs => $2)
        RETURNING *`,
      [idHash, idleSeconds],
    ));
    return rows[0] ? toRow(rows[0]) : undefined;
  }

  /** Replaces the tokens after a refresh, unless another request refreshed them first (then answers that one's). */
  async replaceTokens(idHash: string, previous: string, tokens: string, accessExpiresAt: Date): Promise<boolean> {
    const rows = returned(await this.tx.manager.query(
      `UPDATE workspace.sessions SET tokens = $3, access_expires_at = $4 WHERE id_hash = $1 AND tokens = $2 RETURNING id_hash`,
      [idHash, previous, tokens, accessExpiresAt],
    ));
    return rows.length > 0;
  }

  async find(idHash: string): Promise<SessionRow | undefined> {
    const rows = returned(await this.tx.manager.query(`SELECT * FROM workspace.sessions WHERE id_hash = $1`, [idHash]));
    return rows[0] ? toRow(rows[0]) : undefined;
  }

  async remove(idHash: string): Promise<SessionRow | undefined> {
    const rows = returned(await this.tx.manager.query(`DELETE FROM workspace.sessions WHERE id_hash = $1 RETURNING *`, [idHash]));
    return rows[0] ? toRow(rows[0]) : undefined;
  }

  /** Removes sessions idle past the limit, in batches (each a statement of its own, outside any transaction). */
  removeIdle(idleSeconds: number, batch: number, stopped: () => boolean): Promise<number> {
    return deleteInBatches((sql, params) => this.tx.manager.query(sql, params),
      `DELETE FROM workspace.sessions WHERE id_hash IN (
         SELECT id_hash FROM workspace.sessions WHERE last_seen_at <= now() - make_interval(secs => $1) LIMIT $2)`,
      [idleSeconds], batch, stopped);
  }
}
