import { randomUUID } from 'crypto';
import { EventType } from './event-types';

/** The envelope of every event on `lotsen.events` (DESIGN.md, "Events"). */
export interface EventEnvelope<P = unknown> {
  id: string;
  type: EventType;
  version: number;
  occurredAt: string;
  tenantId: string;
  correlationId: string;
  causationId: string | null;
  payload: P;
}

export interface EventMeta {
  tenantId: string;
  correlationId?: string;
  causationId?: string | null;
  occurredAt?: Date;
  id?: string;
}

export function createEvent<P>(type: EventType, payload: P, meta: EventMeta): EventEnvelope<P> {
  const id = meta.id ?? randomUUID();
  return {
    id,
    type,
    version: 1,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    tenantId: meta.tenantId,
    correlationId: meta.correlationId ?? id,
    causationId: meta.causationId ?? null,
    payload,
  };
}
