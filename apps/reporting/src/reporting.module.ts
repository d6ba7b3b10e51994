import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@lotsen/messaging';
import { PersistenceModule } from '@lotsen/persistence';
import { PlatformModule, staffAuthProviders } from '@lotsen/platform';
import { EventStoreRepository } from './events/event-store.repository';
import { EventsHandler } from './events/events.handler';
import { KpisController } from './kpis/kpis.controller';
import { KpisRepository } from './kpis/kpis.repository';
import { KpisService } from './kpis/kpis.service';
import { reportingMigrations } from './migrations';
import { ReportingConfig } from './reporting.config';

@Module({})
export class ReportingModule {
  static forRoot(config: ReportingConfig): DynamicModule {
    return {
      module: ReportingModule,
      imports: [
        PlatformModule.forRoot('reporting'),
        PersistenceModule.forRoot({ url: config.database.url, schema: 'reporting', migrations: reportingMigrations, poolSize: config.database.poolSize }),
        MessagingModule.forRoot({ service: 'reporting', schema: 'reporting', broker: config.broker, consumerPurpose: 'events' }),
      ],
      controllers: [KpisController, EventsHandler],
      providers: [...staffAuthProviders('reporting'), EventStoreRepository, KpisRepository, KpisService],
    };
  }
}
