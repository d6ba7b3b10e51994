import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';
import { boundingBox, haversineMetres } from './haversine';

export const DUPLICATE_RADIUS_METRES = 50;
export const DUPLICATE_WINDOW_DAYS = 7;

/** Open fault reports of a category near a point: the box narrows by index, haversine decides. */
@Injectable()
export class DuplicatesRepository {
  constructor(private readonly tx: UnitOfWork) {}

  async findOpenNearby(q: { tenantId: string; category: string; lat: number; lon: number; at: Date }): Promise<{ id: string; reference: string } | undefined> {
    const box = boundingBox(q, DUPLICATE_RADIUS_METRES);
    const rows: Array<{ id: string; reference: string; lat: number; lon: number }> = await this.tx.manager.query(
      `SELECT id, reference, lat, lon FROM intake.inquiries
       WHERE tenant_id = $1 AND category = $2 AND duplicate_of IS NULL AND status <> 'resolved'
         AND lat BETWEEN $3 AND $4 AND lon BETWEEN $5 AND $6
         AND received_at >= $7::timestamptz - interval '${DUPLICATE_WINDOW_DAYS} days'
       ORDER BY received_at DESC LIMIT 200`,
      [q.tenantId, q.category, box.minLat, box.maxLat, box.minLon, box.maxLon, q.at],
    );
    let best: { id: string; reference: string; d: number } | undefined;
    for (const r of rows) {
      const d = haversineMetres(q, r);
      if (d <= DUPLICATE_RADIUS_METRES && (!best || d < best.d)) best = { id: r.id, reference: r.reference, d };
    }
    return best && { id: best.id, reference: best.reference };
  }
}
