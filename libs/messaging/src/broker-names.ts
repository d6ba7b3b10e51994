/** Every exchange and queue name, prefixed by the namespace so test runs never collide. */
export class BrokerNames {
  constructor(readonly namespace: string) {}

  private n(name: string): string {
    return this.namespace ? `${this.namespace}.${name}` : name;
  }

  get events(): string { return this.n('lotsen.events'); }
  get work(): string { return this.n('lotsen.work'); }
  get dead(): string { return this.n('lotsen.dead'); }
  get unrouted(): string { return this.n('lotsen.unrouted'); }

  /** A durable quorum queue owned by a service, `<service>.<purpose>`. */
  queue(service: string, purpose: string): string { return this.n(`${service}.${purpose}`); }

  /** Where messages of `queue` go once they exhaust their delivery limit or are malformed. */
  parked(queue: string): string { return `${queue}.parked`; }

  /** A department's own work queue bound to `lotsen.work` with `<tenant>.<department>`. */
  workQueue(tenant: string, department: string): string { return this.n(`work.${tenant}.${department}`); }

  /** The logical outbox exchange (`events` | `work`) to the real name. */
  exchange(logical: string): string { return logical === 'work' ? this.work : this.events; }
}
