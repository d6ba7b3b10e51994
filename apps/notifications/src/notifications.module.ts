import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@lotsen/messaging';
import { AuditController, auditTrailProviders, IdentityModule } from '@lotsen/identity';
import { PersistenceModule } from '@lotsen/persistence';
import { retentionParticipant } from '@lotsen/retention';
import { ContactRectification, ContactRectificationHandler } from './retention/contact-rectification';
import { DataSubjectsController } from './retention/data-subjects.controller';
import { PlatformModule, staffAuthProviders } from '@lotsen/platform';
import { Channels } from './deliveries/channels';
import { DeliveryLogService } from './deliveries/delivery-log.service';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesRepository } from './deliveries/deliveries.repository';
import { DeliveryPlanner } from './deliveries/delivery-planner.service';
import { DeliveryRecorder } from './deliveries/delivery-recorder';
import { DeliverySender } from './deliveries/delivery-sender';
import { Dispatcher } from './deliveries/dispatcher.service';
import { DispatcherSignal } from './deliveries/dispatcher-signal';
import { notificationsMigrations } from './migrations';
import { NotificationsConfig } from './notifications.config';
import { NotificationsPersonalDataRepository } from './retention/notifications-personal-data.repository';
import { OptOutController } from './preferences/opt-out.controller';
import { OptOutService } from './preferences/opt-out.service';
import { SuppressionsController } from './preferences/suppressions.controller';
import { SuppressionsRepository } from './preferences/suppressions.repository';
import { TenantSettingsService } from './settings/tenant-settings';
import { SurveysController } from './surveys/surveys.controller';
import { SurveysRepository } from './surveys/surveys.repository';
import { SurveysService } from './surveys/surveys.service';
import { TemplateOverridesRepository } from './templates/template-overrides.repository';
import { TemplatesController } from './templates/templates.controller';
import { TemplatesService } from './templates/templates.service';
import { DeferredTriggersRepository } from './triggers/deferred-triggers.repository';
import { RecipientsRepository } from './triggers/recipients.repository';
import { TriggersHandler } from './triggers/triggers.handler';
import { TriggersService } from './triggers/triggers.service';

@Module({})
export class NotificationsModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    const retention = retentionParticipant('notifications', NotificationsPersonalDataRepository);
    return {
      module: NotificationsModule,
      imports: [
        PlatformModule.forRoot('notifications'),
        IdentityModule.forRoot(config.identity),
        PersistenceModule.forRoot({ url: config.database.url, schema: 'notifications', migrations: notificationsMigrations, poolSize: config.database.poolSize }),
        MessagingModule.forRoot({ service: 'notifications', schema: 'notifications', broker: config.broker, housekeeping: config.housekeeping, consumerPurpose: 'triggers' }),
      ],
      controllers: [TriggersHandler, DeliveriesController, TemplatesController, SurveysController, OptOutController, SuppressionsController, DataSubjectsController, ContactRectificationHandler, ...retention.controllers, AuditController],
      providers: [
        ...staffAuthProviders('notifications'),
        ...auditTrailProviders('notifications'),
        { provide: NotificationsConfig, useValue: config },
        // triggers
        RecipientsRepository, DeferredTriggersRepository, TriggersService,
        // deliveries
        DeliveriesRepository, DeliveryLogService, DeliveryPlanner, DispatcherSignal, Channels, DeliverySender, DeliveryRecorder, Dispatcher,
        // preferences
        SuppressionsRepository, OptOutService,
        // templates
        TemplateOverridesRepository, TemplatesService,
        // surveys
        SurveysRepository, SurveysService,
        // settings
        TenantSettingsService,
        // retention (gallring)
        ...retention.providers,
        // rectification (the citizen's rights)
        ContactRectification,
      ],
    };
  }
}
