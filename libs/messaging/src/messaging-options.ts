import { BrokerConfig } from '@lotsen/config';

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
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
