import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@lotsen/messaging';
import { PersistenceModule } from '@lotsen/persistence';
import { PlatformModule, staffAuthProviders } from '@lotsen/platform';
import { notificationsMigrations } from './migrations';
import { NotificationsConfig } from './notifications.config';
import { RecipientsRepository } from './triggers/recipients.repository';
import { TriggersHandler } from './triggers/triggers.handler';

@Module({})
export class NotificationsModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        PlatformModule.forRoot('notifications'),
        PersistenceModule.forRoot({ url: config.database.url, schema: 'notifications', migrations: notificationsMigrations, poolSize: config.database.poolSize }),
        MessagingModule.forRoot({ service: 'notifications', schema: 'notifications', broker: config.broker, consumerPurpose: 'triggers' }),
      ],
      controllers: [TriggersHandler],
      providers: [...staffAuthProviders('notifications'), RecipientsRepository],
    };
  }
}
