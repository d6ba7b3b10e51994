import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@lotsen/messaging';
import { PersistenceModule } from '@lotsen/persistence';
import { PlatformModule, staffAuthProviders } from '@lotsen/platform';
import { InquiriesHandler } from './inquiries/inquiries.handler';
import { RoutingInquiriesRepository } from './inquiries/inquiries.repository';
import { routingMigrations } from './migrations';
import { RoutingConfig } from './routing.config';

@Module({})
export class RoutingModule {
  static forRoot(config: RoutingConfig): DynamicModule {
    return {
      module: RoutingModule,
      imports: [
        PlatformModule.forRoot('routing'),
        PersistenceModule.forRoot({ url: config.database.url, schema: 'routing', migrations: routingMigrations, poolSize: config.database.poolSize }),
        MessagingModule.forRoot({ service: 'routing', schema: 'routing', broker: config.broker, consumerPurpose: 'inquiries' }),
      ],
      controllers: [InquiriesHandler],
      providers: [...staffAuthProviders('routing'), RoutingInquiriesRepository],
    };
  }
}
