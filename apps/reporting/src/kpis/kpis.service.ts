import { Injectable } from '@nestjs/common';
import { EventEnvelope, InquiryReceivedPayload } from '@lotsen/contracts';
import { ProblemException } from '@lotsen/platform';
import { EventStoreRepository } from '../events/event-store.repository';
import { KpisRepository, VolumeGroup } from './kpis.repository';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Day of an instant in the municipality's time zone (Swedish municipalities: Europe/Stockholm). */
export function localDay(iso: string, timeZone = 'Europe/Stockholm'): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

@Injectable()
export class KpisService {
  constructor(private readonly store: EventStoreRepository, private readonly kpis: KpisRepository) {}

  /** Keeps every event and updates the figures it moves, once per event. */
  async record(event: EventEnvelope): Promise<void> {
    const isNew = await this.store.append(event);
    if (!isNew) return;
    if (event.type === 'inquiry.received') {
      const p = event.payload as InquiryReceivedPayload;
      await this.kpis.countReceived(event.tenantId, localDay(p.receivedAt), p.channel);
    }
  }

  async volume(tenantId: string, q: { from?: string; to?: string; groupBy?: string }) {
    const today = localDay(new Date().toISOString());
    const from = q.from ?? today.slice(0, 8) + '01';
    const to = q.to ?? today;
    if (!DAY.test(from) || !DAY.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) {
      throw ProblemException.of(400, 'validation', 'from and to must be dates as YYYY-MM-DD.');
    }
    if (from > to) throw ProblemException.of(400, 'validation', 'from must not be after to.');
    if (q.groupBy !== undefined && !['channel', 'day'].includes(q.groupBy)) {
      throw ProblemException.of(400, 'validation', 'groupBy must be one of: channel, day.');
    }
    const rows = await this.kpis.volume(tenantId, from, to, q.groupBy as VolumeGroup | undefined);
    const total = rows.reduce((s, r) => s + r.received, 0);
    return {
      tenantId, from, to, groupBy: q.groupBy ?? null,
      volume: { received: total },
      groups: q.groupBy ? rows.map((r) => ({ [q.groupBy as string]: r.key, received: r.received })) : undefined,
    };
  }
}
