import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@lotsen/persistence';

export type VolumeGroup = 'channel' | 'day';

@Injectable()
export class KpisRepository {
  constructor(private readonly tx: TransactionContext) {}

  async countReceived(tenantId: string, day: string, channel: string): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO reporting.daily_volume (tenant_id, day, channel, received) VALUES ($1, $2, $3, 1)
       ON CONFLICT (tenant_id, day, channel) DO UPDATE SET received = daily_volume.received + 1`,
      [tenantId, day, channel],
    );
  }

  async volume(tenantId: string, from: string, to: string, groupBy?: VolumeGroup): Promise<Array<{ key: string | null; received: number }>> {
    const key = groupBy === 'channel' ? 'channel' : groupBy === 'day' ? `to_char(day, 'YYYY-MM-DD')` : 'NULL';
    return this.tx.manager.query(
      `SELECT ${key} AS key, SUM(received)::int AS received FROM reporting.daily_volume
       WHERE tenant_id = $1 AND day BETWEEN $2 AND $3 GROUP BY 1 ORDER BY 1`,
      [tenantId, from, to],
    );
  }
}
