import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@lotsen/messaging';
import { AuditController, auditTrailProviders, IdentityModule } from '@lotsen/identity';
import { PersistenceModule } from '@lotsen/persistence';
import { PlatformModule, staffAuthProviders } from '@lotsen/platform';
import { retentionParticipant } from '@lotsen/retention';
import { AgentsController } from './agents/agents.controller';
import { AgentsRepository } from './agents/agents.repository';
import { AgentsService } from './agents/agents.service';
import { CatalogueController } from './catalogue/catalogue.controller';
import { CatalogueRepository } from './catalogue/catalogue.repository';
import { CatalogueService } from './catalogue/catalogue.service';
import { ClassificationController } from './classification/classification.controller';
import { ClassificationService } from './classification/classification.service';
import { ModelRegistry } from './classification/model-registry.service';
import { TrainingService } from './classification/training.service';
import { DepartmentWorkController } from './departments/department-work.controller';
import { DepartmentWorkService } from './departments/department-work.service';
import { KnowledgeController } from './knowledge/knowledge.controller';
import { KnowledgeRepository } from './knowledge/knowledge.repository';
import { KnowledgeService } from './knowledge/knowledge.service';
import { routingMigrations } from './migrations';
import { RoutingConfig } from './routing.config';
import { DecisionsRepository } from './routing/decisions.repository';
import { RoutingInquiriesRepository } from './routing/inquiries.repository';
import { RoutingController } from './routing/routing.controller';
import { RoutingHandler } from './routing/routing.handler';
import { ReceivedInquiries } from './routing/received-inquiries';
import { RoutingService } from './routing/routing.service';
import { ErasureRepository } from './retention/erasure.repository';
import { LegalHoldsRepository } from './retention/legal-holds.repository';
import { RetentionCasesRepository } from './retention/retention-cases.repository';
import { RetentionController } from './retention/retention.controller';
import { RetentionProgressHandler } from './retention/retention-progress.handler';
import { RetentionRulesRepository } from './retention/retention-rules.repository';
import { RetentionScheduler } from './retention/retention-scheduler.service';
import { RetentionService } from './retention/retention.service';
import { RoutingPersonalDataRepository } from './retention/routing-personal-data.repository';
import { CalendarController } from './sla/calendar.controller';
import { CalendarRepository } from './sla/calendar.repository';
import { CalendarService } from './sla/calendar.service';
import { SlaClock } from './sla/sla-clock';
import { SlaScheduler } from './sla/sla-scheduler.service';
import { SlaTimersRepository } from './sla/sla-timers.repository';
import { SlaService } from './sla/sla.service';
import { AnswerRequestsHousekeeping } from './work/answer-requests-housekeeping';
import { AnswerRequestsRepository } from './work/answer-requests.repository';
import { OverflowService } from './work/overflow.service';
import { SupervisorOverviewController } from './overview/supervisor-overview.controller';
import { SupervisorOverviewRepository } from './overview/supervisor-overview.repository';
import { SupervisorOverviewService } from './overview/supervisor-overview.service';
import { WorkController } from './work/work.controller';
import { WorkItemsRepository } from './work/work-items.repository';
import { WorkService } from './work/work.service';

@Module({})
export class RoutingModule {
  static forRoot(config: RoutingConfig): DynamicModule {
    const retention = retentionParticipant('routing', RoutingPersonalDataRepository);
    return {
      module: RoutingModule,
      imports: [
        PlatformModule.forRoot('routing'),
        IdentityModule.forRoot(config.identity),
        PersistenceModule.forRoot({ url: config.database.url, schema: 'routing', migrations: routingMigrations, poolSize: config.database.poolSize }),
        MessagingModule.forRoot({ service: 'routing', schema: 'routing', broker: config.broker, housekeeping: config.housekeeping, consumerPurpose: 'inquiries' }),
      ],
      controllers: [
        RoutingHandler, RoutingController, ClassificationController, CatalogueController, AgentsController, WorkController,
        DepartmentWorkController, KnowledgeController, CalendarController, RetentionController, RetentionProgressHandler, AuditController,
        SupervisorOverviewController,
        ...retention.controllers,
      ],
      providers: [
        ...staffAuthProviders('routing'),
        ...auditTrailProviders('routing'),
        { provide: RoutingConfig, useValue: config },
        CatalogueRepository, CatalogueService,
        ModelRegistry, ClassificationService, TrainingService,
        RoutingInquiriesRepository, ReceivedInquiries, DecisionsRepository, RoutingService,
        AgentsRepository, AgentsService,
        WorkItemsRepository, WorkService, OverflowService, AnswerRequestsRepository, AnswerRequestsHousekeeping,
        DepartmentWorkService,
        SupervisorOverviewRepository, SupervisorOverviewService,
        KnowledgeRepository, KnowledgeService,
        CalendarRepository, CalendarService, SlaTimersRepository, SlaClock, SlaService, SlaScheduler,
        RetentionRulesRepository, LegalHoldsRepository, RetentionCasesRepository, ErasureRepository, RetentionService, RetentionScheduler,
        ...retention.providers,
      ],
    };
  }
}
