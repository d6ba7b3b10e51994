import {
  DynamicModule, Global, Inject, INestApplication, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown, Optional,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@lotsen/persistence';
import { AmqpConnection } from './amqp-connection';
import { AmqpTransport } from './amqp-transport';
import { BrokerNames } from './broker-names';
import { Inbox } from './inbox';
import { InboxHousekeeping } from './inbox-housekeeping';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging-options';
import { OutboxRelay } from './outbox-relay';
import { EventPublisher } from './outbox-writer';

const PUBLISH_CONNECTION = Symbol('PUBLISH_CONNECTION');
const CONSUME_CONNECTION = Symbol('CONSUME_CONNECTION');

/** What readiness and metrics need to know about the messaging spine. */
@Injectable()
export class MessagingStatus {
  constructor(
    @Inject(PUBLISH_CONNECTION) private readonly publisher: AmqpConnection,
    private readonly relay: OutboxRelay,
    @Optional() private readonly transport?: AmqpTransport,
  ) {}

  get brokerConnected(): boolean {
    return this.publisher.isConnected || (this.transport?.isConsuming ?? false);
  }

  get consuming(): boolean | undefined {
    return this.transport ? this.transport.isConsuming : undefined;
  }

  get relayStats() {
    return this.relay.stats;
  }

  get consumerStats() {
    return this.transport?.stats;
  }

  /** Connects the publisher if it is not (used by readiness to probe the broker). */
  async probe(): Promise<boolean> {
    try {
      await this.publisher.get();
      return true;
    } catch {
      return false;
    }
  }
}

@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly relay: OutboxRelay, @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions) {}
  onApplicationBootstrap(): void {
    if (this.options.relay !== false) this.relay.start();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

@Injectable()
class ConnectionLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(PUBLISH_CONNECTION) private readonly publisher: AmqpConnection,
    @Inject(CONSUME_CONNECTION) private readonly consumer: AmqpConnection,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.publisher.close(), this.consumer.close()]);
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const names = new BrokerNames(options.broker.namespace);
    const providers: DynamicModule['providers'] = [
      { provide: MESSAGING_OPTIONS, useValue: options },
      { provide: BrokerNames, useValue: names },
      { provide: PUBLISH_CONNECTION, useFactory: () => new AmqpConnection(options.broker.url, names, `${options.service}-publish`) },
      { provide: CONSUME_CONNECTION, useFactory: () => new AmqpConnection(options.broker.url, names, `${options.service}-consume`) },
      EventPublisher,
      {
        provide: OutboxRelay,
        useFactory: (ds: DataSource, amqp: AmqpConnection) =>
          new OutboxRelay(ds, amqp, options.schema, options.relayBatchSize),
        inject: [DataSource, PUBLISH_CONNECTION],
      },
      { provide: Inbox, useFactory: (tx: UnitOfWork) => new Inbox(tx, options.schema, { claims: !options.idempotentHandlers }), inject: [UnitOfWork] },
      RelayLifecycle,
      ConnectionLifecycle,
      ...(options.housekeeping
        ? [{ provide: InboxHousekeeping, useFactory: (ds: DataSource) => new InboxHousekeeping(ds, options.schema, options.housekeeping!), inject: [DataSource] }]
        : []),
      MessagingStatus,
    ];
    if (options.consumerPurpose) {
      const purpose = options.consumerPurpose;
      providers.push({
        provide: AmqpTransport,
        useFactory: (amqp: AmqpConnection, inbox: Inbox) => new AmqpTransport(amqp, inbox, {
          queue: names.queue(options.service, purpose),
          consumer: `${options.service}.${purpose}`,
          prefetch: options.broker.prefetch,
          deliveryLimit: options.broker.deliveryLimit,
          batchSize: options.broker.batchSize,
          workers: options.broker.workers,
        }),
        inject: [CONSUME_CONNECTION, Inbox],
      });
    }
    return {
      module: MessagingModule,
      providers,
      exports: [EventPublisher, MessagingStatus, BrokerNames, OutboxRelay, ...(options.consumerPurpose ? [AmqpTransport] : [])],
    };
  }
}

/**
 * Attaches the service's event consumer (its @EventPattern handlers) to the app and starts it.
 * The app's global filters are inherited: they rethrow errors outside HTTP unchanged, so the
 * transport can tell "database down" (hold and retry) from a bug (requeue, then park).
 */
export async function startEventConsumer(app: INestApplication): Promise<void> {
  const transport = app.get(AmqpTransport);
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
  await app.startAllMicroservices();
}
