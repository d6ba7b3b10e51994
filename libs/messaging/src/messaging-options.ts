import { BrokerConfig, HousekeepingConfig } from '@lotsen/config';

export interface MessagingOptions {
  /** Service name: queues are `<service>.<purpose>` and the inbox/outbox live in `schema`. */
  service: string;
  schema: string;
  broker: BrokerConfig;
  /** Consumer queue purpose (e.g. `status`, `events`); omit for a publish-only service. */
  consumerPurpose?: string;
  /** Outbox rows claimed per relay round. */
  relayBatchSize?: number;
  /** Start the outbox relay in this process (default true). */
  relay?: boolean;
  /**
   * The consumer's handlers are idempotent by event id on their own (they only collect writes
   * that skip an event stored before): no inbox row, one auto-committed statement per batch.
   */
  idempotentHandlers?: boolean;
  /** Inbox rows older than this window are removed (omit: kept). */
  housekeeping?: HousekeepingConfig;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
