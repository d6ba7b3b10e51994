import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MessagingModule } from '@lotsen/messaging';
import { AuditController, auditTrailProviders, IdentityModule } from '@lotsen/identity';
import { PersistenceModule } from '@lotsen/persistence';
import { retentionParticipant } from '@lotsen/retention';
import { API_KEY_LOOKUP, ApiKeyGuard, PlatformModule } from '@lotsen/platform';
import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsRepository } from './attachments/attachments.repository';
import { AttachmentsService } from './attachments/attachments.service';
import { CallsController } from './calls/calls.controller';
import { CallsRepository } from './calls/calls.repository';
import { CallsService } from './calls/calls.service';
import { ServiceDefinitionsController } from './catalogue/service-definitions.controller';
import { ServiceDefinitionsRepository } from './catalogue/service-definitions.repository';
import { ServiceDefinitionsService } from './catalogue/service-definitions.service';
import { DataSubjectsController } from './data-subjects/data-subjects.controller';
import { DataSubjectsRepository } from './data-subjects/data-subjects.repository';
import { DataSubjectsService } from './data-subjects/data-subjects.service';
import { RectificationService } from './data-subjects/rectification.service';
import { DuplicatesRepository } from './duplicates/duplicates.repository';
import { EmailIntakeService } from './email/email-intake.service';
import { EmailRepository } from './email/email.repository';
import { SmtpListener } from './email/smtp-listener';
import { IdempotencyHousekeeping } from './inquiries/idempotency-housekeeping';
import { IdempotencyRepository } from './inquiries/idempotency.repository';
import { InquiriesController } from './inquiries/inquiries.controller';
import { InquiriesRepository } from './inquiries/inquiries.repository';
import { LOOKUPS_PER_MINUTE, LookupLimiter } from './inquiries/lookup-limiter';
import { ReferenceAllocator } from './inquiries/reference-allocator';
import { SUBMISSION_LIMITS, SubmissionLimiter } from './inquiries/submission-limits';
import { InquiriesService, SEALER } from './inquiries/inquiries.service';
import { Sealer } from './inquiries/sealing';
import { InquirySearchRepository } from './inquiries/search/inquiry-search.repository';
import { InquirySearchService } from './inquiries/search/inquiry-search.service';
import { IntakePersonalDataRepository } from './retention/intake-personal-data.repository';
import { IntakeConfig } from './intake.config';
import { LanguageDetector } from './language/language-detector';
import { intakeMigrations } from './migrations';
import { Open311Module } from './open311/open311.module';
import { RegisterModule } from './register/register.module';
import { CitizenPagesController } from './pages/citizen-pages.controller';
import { CitizenPagesService } from './pages/citizen-pages.service';
import { StatusHandler } from './status/status.handler';
import { StatusProjectionService } from './status/status-projection.service';
import { TenantsRepository } from './tenants/tenants.repository';

export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');

@Module({})
export class IntakeModule {
  static forRoot(config: IntakeConfig): DynamicModule {
    const retention = retentionParticipant('intake', IntakePersonalDataRepository);
    return {
      module: IntakeModule,
      // Global so that Open311Module (imported below) can inject what this module exports.
      global: true,
      imports: [
        PlatformModule.forRoot('intake'),
        IdentityModule.forRoot(config.identity),
        PersistenceModule.forRoot({ url: config.database.url, schema: 'intake', migrations: intakeMigrations, poolSize: config.database.poolSize }),
        MessagingModule.forRoot({ service: 'intake', schema: 'intake', broker: config.broker, housekeeping: config.housekeeping, consumerPurpose: 'status', relay: config.relay }),
        Open311Module,
        RegisterModule,
      ],
      controllers: [InquiriesController, StatusHandler, CallsController, AttachmentsController, CitizenPagesController, DataSubjectsController, ServiceDefinitionsController, ...retention.controllers, AuditController],
      providers: [
        { provide: INTAKE_CONFIG, useValue: config },
        { provide: IntakeConfig, useValue: config },
        { provide: SEALER, useValue: new Sealer(config.secret) },
        { provide: LanguageDetector, useValue: new LanguageDetector() },
        TenantsRepository,
        { provide: API_KEY_LOOKUP, useExisting: TenantsRepository },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        InquiriesRepository,
        InquirySearchRepository,
        InquirySearchService,
        ReferenceAllocator,
        LookupLimiter,
        ...auditTrailProviders('intake'),
        { provide: LOOKUPS_PER_MINUTE, useValue: config.citizenLookupsPerMinute },
        SubmissionLimiter,
        { provide: SUBMISSION_LIMITS, useValue: config.submissionLimits },
        IdempotencyRepository,
        IdempotencyHousekeeping,
        ServiceDefinitionsRepository,
        ServiceDefinitionsService,
        InquiriesService,
        StatusProjectionService,
        DuplicatesRepository,
        AttachmentsRepository,
        AttachmentsService,
        CallsRepository,
        CallsService,
        EmailRepository,
        EmailIntakeService,
        SmtpListener,
        CitizenPagesService,
        DataSubjectsRepository,
        DataSubjectsService,
        RectificationService,
        ...retention.providers,
      ],
      exports: [InquiriesService, InquiriesRepository, TenantsRepository, ServiceDefinitionsRepository, INTAKE_CONFIG],
    };
  }
}
