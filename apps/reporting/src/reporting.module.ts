import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { MessagingModule } from '@lotsen/messaging';
import { AuditController, auditTrailProviders, IdentityModule } from '@lotsen/identity';
import { PersistenceModule } from '@lotsen/persistence';
import { retentionParticipant } from '@lotsen/retention';
import { DataSubjectsController } from './retention/data-subjects.controller';
import { PlatformModule, staffAuthProviders } from '@lotsen/platform';
import { BusinessCalendar } from './business-time';
import { DashboardAssets } from './dashboard/dashboard-assets';
import { DashboardController } from './dashboard/dashboard.controller';
import { DashboardService } from './dashboard/dashboard.service';
import { EventStoreRepository } from './events/event-store.repository';
import { EventsHandler } from './events/events.handler';
import { GoalsController } from './goals/goals.controller';
import { GoalsRepository } from './goals/goals.repository';
import { GoalsService } from './goals/goals.service';
import { KpisController } from './kpis/kpis.controller';
import { KpisRepository } from './kpis/kpis.repository';
import { KpisService } from './kpis/kpis.service';
import { reportingMigrations } from './migrations';
import { IngestService } from './projections/ingest.service';
import { Projector } from './projections/projector';
import { ProjectorRepository } from './projections/projector.repository';
import { DepartmentReportService } from './reports/department-report.service';
import { DepartmentsReportController } from './reports/departments.controller';
import { TopicsService } from './reports/topics.service';
import { ReportingPersonalDataRepository } from './retention/reporting-personal-data.repository';
import { ReportingConfig } from './reporting.config';
import { SessionBridge } from './sign-in/session-bridge.middleware';
import { SignInController } from './sign-in/sign-in.controller';
import { StaffSignIn } from './sign-in/staff-sign-in.service';

@Module({})
export class ReportingModule implements NestModule {
  static forRoot(config: ReportingConfig): DynamicModule {
    const retention = retentionParticipant('reporting', ReportingPersonalDataRepository);
    return {
      module: ReportingModule,
      imports: [
        PlatformModule.forRoot('reporting'),
        IdentityModule.forRoot(config.identity),
        PersistenceModule.forRoot({ url: config.database.url, schema: 'reporting', migrations: reportingMigrations, poolSize: config.database.poolSize }),
        // The event store skips an event it has (ON CONFLICT (id)): no inbox row needed.
        MessagingModule.forRoot({ service: 'reporting', schema: 'reporting', broker: config.broker, housekeeping: config.housekeeping, consumerPurpose: 'events', idempotentHandlers: true }),
      ],
      controllers: [DashboardController, KpisController, GoalsController, DepartmentsReportController, EventsHandler, DataSubjectsController, ...retention.controllers, AuditController, SignInController],
      providers: [
        ...staffAuthProviders('reporting'),
        ...auditTrailProviders('reporting'),
        { provide: ReportingConfig, useValue: config },
        { provide: BusinessCalendar, useValue: new BusinessCalendar() },
        EventStoreRepository, IngestService, ProjectorRepository, Projector,
        KpisRepository, KpisService, GoalsRepository, GoalsService, TopicsService, DepartmentReportService,
        DashboardAssets, DashboardService,
        StaffSignIn, SessionBridge,
        ...retention.providers,
      ],
    };
  }

  /** The dashboard's signed-in browser reads the API with its session cookie. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SessionBridge).forRoutes('v1/*path');
  }
}
