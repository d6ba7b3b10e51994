import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';

@Injectable()
export class CallsRepository {
  constructor(private readonly tx: UnitOfWork) {}

  /** False when this call's event was recorded already (the platform sent it again). */
  async record(c: { tenantId: string; callId: string; event: string; queue: string; waitSeconds?: number; agentId?: string; at: Date }): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO intake.call_events (tenant_id, call_id, event, queue, wait_seconds, agent_id, at) VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [c.tenantId, c.callId, c.event, c.queue, c.waitSeconds ?? null, c.agentId ?? null, c.at],
    );
    return rows.length === 1;
  }
}
