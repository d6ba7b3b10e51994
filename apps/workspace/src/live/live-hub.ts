import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { EventEnvelope } from '@lotsen/contracts';

/**
 * What an open browser learns of an event: its type and which inquiry, agent or department it
 * touches, never text or contact data. The page then reads what changed through the services,
 * whose need-to-know decides what it may see.
 */
export interface LiveUpdate {
  type: string;
  at: string;
  inquiryId?: string;
  department?: string;
  agentId?: string;
}

interface Listener {
  send(u: LiveUpdate): void;
  /** Closes the stream (the service is stopping: open streams would hold the server open). */
  end(): void;
}

type Field = 'inquiryId' | 'department' | 'toDepartment' | 'agentId';

/** Open browsers per tenant, and the fan-out of the live queue's events to them. */
@Injectable()
export class LiveHub implements OnModuleDestroy {
  private readonly listeners = new Map<string, Set<Listener>>();

  subscribe(tenantId: string, listener: Listener): () => void {
    let set = this.listeners.get(tenantId);
    if (!set) this.listeners.set(tenantId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(tenantId);
    };
  }

  get open(): number {
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }

  publish(e: EventEnvelope): void {
    const set = this.listeners.get(e.tenantId);
    if (!set) return;
    const p = (e.payload ?? {}) as Record<string, unknown>;
    const pick = (k: Field) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
    const update: LiveUpdate = {
      type: e.type, at: e.occurredAt,
      inquiryId: pick('inquiryId'), department: pick('toDepartment') ?? pick('department'), agentId: pick('agentId'),
    };
    for (const l of set) l.send(update);
  }

  onModuleDestroy(): void {
    for (const set of this.listeners.values()) for (const l of set) l.end();
    this.listeners.clear();
  }
}
