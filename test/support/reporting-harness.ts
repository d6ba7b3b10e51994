import { DataSource } from 'typeorm';
import { createEvent, EventEnvelope, EventType } from '@lotsen/contracts';
import { UnitOfWork } from '@lotsen/persistence';
import { migratedServiceDatabase, TestEnv } from '@lotsen/testing';
import { BusinessCalendar } from '@lotsen/business-calendar';
import { CategoryNamesRepository } from '../../apps/reporting/src/reports/category-names.repository';
import { TenantCalendars } from '../../apps/reporting/src/calendars/tenant-calendars';
import { EventStoreRepository } from '../../apps/reporting/src/events/event-store.repository';
import { GoalsRepository } from '../../apps/reporting/src/goals/goals.repository';
import { KpisRepository } from '../../apps/reporting/src/kpis/kpis.repository';
import { KpiParams, KpisService } from '../../apps/reporting/src/kpis/kpis.service';
import { reportingMigrations } from '../../apps/reporting/src/migrations';
import { IngestService } from '../../apps/reporting/src/projections/ingest.service';
import { TopicsService } from '../../apps/reporting/src/reports/topics.service';
import { ProjectorRepository } from '../../apps/reporting/src/projections/projector.repository';

/** The reporting service's use-cases wired on a fresh database (no HTTP, no broker): for KPI tests. */
export interface ReportingHarness {
  env: TestEnv;
  ds: DataSource;
  tx: UnitOfWork;
  kpis: KpisService;
  topics: TopicsService;
  goals: GoalsRepository;
  record(e: EventEnvelope): Promise<void>;
  report(tenantId: string, p: KpiParams): ReturnType<KpisService['report']>;
  close(): Promise<void>;
}

export async function reportingHarness(): Promise<ReportingHarness> {
  const { env, ds, tx, close } = await migratedServiceDatabase('reporting', reportingMigrations, 4);
  const calendar = new BusinessCalendar();
  const calendars = new TenantCalendars(tx, calendar);
  const ingest = new IngestService(new EventStoreRepository(tx), calendars, new CategoryNamesRepository(tx));
  const repo = new KpisRepository(tx);
  const goals = new GoalsRepository(tx);
  const kpis = new KpisService(repo, new ProjectorRepository(tx, calendar), goals, calendars);
  return {
    env, ds, tx, kpis, goals, topics: new TopicsService(repo, new CategoryNamesRepository(tx)),
    record: async (e) => { await tx.run(() => ingest.record(e)); },
    report: (tenantId, p) => kpis.report(tenantId, p),
    close,
  };
}

/** An event as a producer would publish it, at a given instant. */
export function event<P>(type: EventType, occurredAt: string, payload: P, tenantId = 't1'): EventEnvelope<P> {
  return createEvent(type, payload, { tenantId, occurredAt: new Date(occurredAt) });
}

/** A deterministic shuffle (so "out of order" is the same on every run). */
export function shuffled<T>(items: T[], seed = 7): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
